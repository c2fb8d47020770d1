import { findIssuer, standaloneIssOf, type AppConfig, type IssuerConfig } from '@/config/app-config';
import { buildLaunchScopes, choosePermissionStyle, type LaunchKind } from '@/domain/smart/launch-scopes';
import { authorizeSmart } from '@/lib/smart-client';
import { getSmartConfiguration } from './api/get-smart-configuration';
import { carryAppConfig } from './carried-app-config';
import { LaunchError, toLaunchError } from './launch-error';
import { deepLinkOf, rememberReturnTo } from './return-to';

/** EHR launch: `/launch?iss=…&launch=…`. Resolves only if the redirect did not happen. */
export async function startEhrLaunch(config: AppConfig, search: string): Promise<void> {
  const params = new URLSearchParams(search);
  const iss = params.get('iss');
  const launch = params.get('launch');
  if (!iss) {
    throw new LaunchError('missing-iss', 'The launch request did not say which FHIR server (iss) to use.');
  }
  const issuer = findIssuer(config, iss);
  if (!issuer) {
    throw new LaunchError(
      'issuer-not-allowed',
      `The FHIR server ${iss} is not on this viewer's list of allowed EHRs.`,
    );
  }
  await authorizeWith(config, issuer, issuer.iss, 'ehr', launch ?? undefined, deepLinkOf(search));
}

/**
 * Standalone launch from the start page or "Sign in again": the authorization server asks which
 * patient. It goes to the issuer's `standaloneIss` (default: its `iss`).
 */
export async function startStandaloneLaunch(
  config: AppConfig,
  issuer: IssuerConfig,
  returnTo: string | null,
): Promise<void> {
  await authorizeWith(config, issuer, standaloneIssOf(issuer), 'standalone', undefined, returnTo);
}

async function authorizeWith(
  config: AppConfig,
  issuer: IssuerConfig,
  iss: string,
  kind: LaunchKind,
  launch: string | undefined,
  returnTo: string | null,
): Promise<void> {
  const smartConfiguration = await getSmartConfiguration(iss).catch((error: unknown) => {
    // Its own errors are in words already; the network's ("Failed to fetch") are put into words.
    throw error instanceof Error && !(error instanceof TypeError)
      ? new LaunchError('token-failed', error.message)
      : toLaunchError(error, 'token-failed');
  });
  const scope =
    issuer.scope ??
    config.scope ??
    buildLaunchScopes(kind, choosePermissionStyle(smartConfiguration.capabilities));
  rememberReturnTo(returnTo);
  carryAppConfig(config);
  await authorizeSmart({
    iss,
    ...(launch ? { launch } : {}),
    clientId: issuer.clientId ?? config.clientId,
    scope,
    redirectUri: new URL(config.redirectPath, window.location.origin).href,
  });
}
