import { loadAppConfig, type AppConfig } from '@/config/app-config';
import { parseLaunchContext } from '@/domain/smart/launch-context';
import {
  carriedSmartConfiguration,
  getSmartConfiguration,
} from '@/features/launch/api/get-smart-configuration';
import { takeCarriedAppConfig } from '@/features/launch/carried-app-config';
import { LaunchError, toLaunchError } from '@/features/launch/launch-error';
import { deepLinkOf, takeReturnTo } from '@/features/launch/return-to';
import { startEhrLaunch } from '@/features/launch/start-launch';
import { createFhirGet } from '@/lib/fhir-http';
import { createAuthorizationProvider } from '@/lib/imaging-http';
import { routeImagingThrough } from '@/lib/imaging-routes';
import { SessionExpiry } from '@/lib/session-expiry';
import { completeSmartLaunch, hasSmartSession, type SmartClient } from '@/lib/smart-client';
import type { SmartSession } from '@/lib/smart-session';
import { TokenPolicyStore } from '@/lib/token-policy-store';

/**
 * Everything that must happen before the first render: the SMART redirect dance runs exactly once
 * per page load here, never inside component effects (StrictMode would run it twice).
 */
export type Boot =
  | { kind: 'redirecting' }
  | { kind: 'error'; error: LaunchError; config: AppConfig | null }
  | { kind: 'start'; config: AppConfig; returnTo: string | null }
  | { kind: 'session'; session: SmartSession; initialPath: string | null };

export async function boot(location: Location): Promise<Boot> {
  const params = new URLSearchParams(location.search);
  // On the callback the launch page's configuration is at hand (one fetch per launch); on a reload of
  // the session the token is in this tab already, so restoring it and fetching the file go together.
  const carried = takeCarriedAppConfig();
  const carriedHere = carried !== null && location.pathname === carried.redirectPath ? carried : null;
  const restoring =
    carriedHere === null && location.pathname !== '/launch' && hasSmartSession()
      ? settle(completeSmartLaunch())
      : null;
  let config: AppConfig;
  try {
    config = carriedHere ?? (await loadAppConfig());
  } catch (error) {
    return { kind: 'error', error: new LaunchError('config', messageOf(error)), config: null };
  }
  routeImagingThrough(config.imagingProxies);

  if (location.pathname === '/launch') {
    try {
      await startEhrLaunch(config, location.search);
      return { kind: 'redirecting' };
    } catch (error) {
      return { kind: 'error', error: asLaunchError(error, 'token-failed'), config };
    }
  }

  const isCallback = location.pathname === config.redirectPath;
  if (isCallback && params.has('error')) {
    const reason = [params.get('error'), params.get('error_description')].filter(Boolean).join(': ');
    return {
      kind: 'error',
      error: new LaunchError('authorization-denied', `The EHR did not authorize the viewer (${reason}).`),
      config,
    };
  }

  if ((isCallback && params.has('code')) || hasSmartSession()) {
    try {
      const session = await openSession(config, restoring);
      const initialPath = isCallback ? (takeReturnTo() ?? landingPathFor(session)) : null;
      return { kind: 'session', session, initialPath };
    } catch (error) {
      return {
        kind: 'error',
        error: asLaunchError(error, isCallback ? 'token-failed' : 'no-session'),
        config,
      };
    }
  }

  const returnTo = deepLinkOf(location.search);
  return { kind: 'start', config, returnTo };
}

async function openSession(
  config: AppConfig,
  restoring: Promise<Settled<SmartClient>> | null,
): Promise<SmartSession> {
  const client = restoring ? unwrap(await restoring) : await completeSmartLaunch();
  const context = parseLaunchContext(client.state.tokenResponse);
  const patientId = context.patientId;
  if (!patientId) {
    throw new LaunchError('no-patient', 'The EHR launched the viewer without a patient in context.');
  }
  const fhirBaseUrl = client.state.serverUrl.replace(/\/+$/, '');
  // Read on the launch page and carried here; without it the token goes to the FHIR server only (the
  // safe default).
  const smartConfiguration =
    carriedSmartConfiguration(fhirBaseUrl) ?? (await getSmartConfiguration(fhirBaseUrl).catch(() => null));
  const tokenPolicy = new TokenPolicyStore({
    fhirBaseUrl,
    associatedEndpoints: smartConfiguration?.associated_endpoints ?? [],
    configuredOrigins: config.imagingTokenOrigins,
  });
  const expiry = new SessionExpiry();
  return {
    client,
    config,
    fhirBaseUrl,
    context: { ...context, patientId },
    tokenPolicy,
    fhirGet: createFhirGet(client, fhirBaseUrl, expiry),
    authorizationFor: createAuthorizationProvider(client, tokenPolicy, expiry),
    expiry,
  };
}

function landingPathFor(session: SmartSession): string {
  const studyId = session.context.imagingStudyId;
  return studyId ? `/viewer?${new URLSearchParams({ ImagingStudy: studyId }).toString()}` : '/';
}

function asLaunchError(error: unknown, fallback: LaunchError['kind']): LaunchError {
  return toLaunchError(error, fallback);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise started early whose failure is read later (never an unhandled rejection meanwhile). */
function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function unwrap<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value;
  throw settled.error;
}
