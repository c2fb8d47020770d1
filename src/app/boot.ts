import { loadAppConfig, type AppConfig } from '@/config/app-config';
import { parseLaunchContext } from '@/domain/smart/launch-context';
import { getSmartConfiguration } from '@/features/launch/api/get-smart-configuration';
import { LaunchError, toLaunchError } from '@/features/launch/launch-error';
import { deepLinkOf, takeReturnTo } from '@/features/launch/return-to';
import { startEhrLaunch } from '@/features/launch/start-launch';
import { createFhirGet } from '@/lib/fhir-http';
import { createAuthorizationProvider } from '@/lib/imaging-http';
import { SessionExpiry } from '@/lib/session-expiry';
import { completeSmartLaunch, hasSmartSession } from '@/lib/smart-client';
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
  let config: AppConfig;
  try {
    config = await loadAppConfig();
  } catch (error) {
    return { kind: 'error', error: new LaunchError('config', messageOf(error)), config: null };
  }

  if (location.pathname === '/launch') {
    try {
      await startEhrLaunch(config, location.search);
      return { kind: 'redirecting' };
    } catch (error) {
      return { kind: 'error', error: asLaunchError(error, 'token-failed'), config };
    }
  }

  const params = new URLSearchParams(location.search);
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
      const session = await openSession(config);
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

async function openSession(config: AppConfig): Promise<SmartSession> {
  const client = await completeSmartLaunch();
  const context = parseLaunchContext(client.state.tokenResponse);
  const patientId = context.patientId;
  if (!patientId) {
    throw new LaunchError('no-patient', 'The EHR launched the viewer without a patient in context.');
  }
  const fhirBaseUrl = client.state.serverUrl.replace(/\/+$/, '');
  // Without the server's configuration the token goes to the FHIR server only: the safe default.
  const smartConfiguration = await getSmartConfiguration(fhirBaseUrl).catch(() => null);
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
