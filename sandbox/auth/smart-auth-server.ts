import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GrantStore, AuthorizationGrant } from './grant-store.ts';
import { escapeHtml, readBody, redirect, requestUrl, sendHtml, sendJson } from '../http-helpers.ts';
import type { LaunchContext, LaunchRegistry } from './launch-registry.ts';
import { renderPatientPicker } from '../launcher/patient-picker-page.ts';
import type { PatientSummary } from '../launcher/patient-summaries.ts';
import { verifyS256 } from './pkce.ts';
import { grantScopes, parseScope } from './smart-scopes.ts';
import type { TokenService } from './token-service.ts';

export interface RegisteredClient {
  readonly clientId: string;
  readonly redirectUris: readonly string[];
}

export interface SmartAuthDeps {
  readonly tokens: TokenService;
  readonly grants: GrantStore;
  readonly launches: LaunchRegistry;
  readonly clients: readonly RegisteredClient[];
  readonly fhirBase: string;
  /** The fixed sandbox user: there is no login page. */
  readonly practitionerId: string;
  readonly listPatients: () => Promise<PatientSummary[]>;
}

/** Query parameter the patient picker adds to `/authorize` once the user has chosen a patient. */
export const PICKED_PATIENT_PARAM = 'sandbox_patient';

type AuthorizeOutcome =
  | { kind: 'error-page'; status: number; message: string }
  | { kind: 'redirect-error'; error: string; description: string }
  | { kind: 'pick-patient' }
  | { kind: 'grant'; grant: AuthorizationGrant };

/**
 * The SMART App Launch authorization server: `/authorize` (EHR and standalone launch, PKCE S256 required)
 * and `/token` (authorization_code and refresh_token grants; refresh tokens rotate, a replayed code
 * revokes what it issued). Returns false for paths it does not own.
 */
export function createSmartAuthHandler(deps: SmartAuthDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = requestUrl(req);
    if (url.pathname === '/authorize' && req.method === 'GET') {
      await handleAuthorize(deps, url, res);
      return true;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      await handleToken(deps, req, res);
      return true;
    }
    return false;
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function checkAuthorizeRequest(deps: SmartAuthDeps, params: URLSearchParams): AuthorizeOutcome {
  const clientId = params.get('client_id') ?? '';
  const client = deps.clients.find((c) => c.clientId === clientId);
  // Never redirect to an unverified redirect_uri (RFC 6749 §4.1.2.1): show the error to the user instead.
  if (!client) return { kind: 'error-page', status: 400, message: `Unknown client_id "${clientId}".` };
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri)) {
    return {
      kind: 'error-page',
      status: 400,
      message: `redirect_uri "${redirectUri}" is not registered for ${clientId}. Registered: ${client.redirectUris.join(', ')}`,
    };
  }
  const fail = (error: string, description: string): AuthorizeOutcome => ({
    kind: 'redirect-error',
    error,
    description,
  });
  if (params.get('response_type') !== 'code') {
    return fail('unsupported_response_type', 'response_type must be "code"');
  }
  if (!params.get('state')) return fail('invalid_request', 'state is required');
  const codeChallenge = params.get('code_challenge') ?? '';
  if (!codeChallenge) return fail('invalid_request', 'PKCE is required: code_challenge is missing');
  if (params.get('code_challenge_method') !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256');
  }
  const aud = params.get('aud') ?? '';
  if (trimSlash(aud) !== trimSlash(deps.fhirBase)) {
    return fail('invalid_request', `aud "${aud}" is not this server's FHIR base ${deps.fhirBase}`);
  }

  const requested = parseScope(params.get('scope'));
  const scopes = grantScopes(requested);
  const launchId = params.get('launch');
  let context: LaunchContext | undefined;
  if (launchId) {
    context = deps.launches.lookup(launchId);
    if (!context) return fail('invalid_request', `unknown launch "${launchId}"`);
  } else if (scopes.includes('launch')) {
    return fail('invalid_scope', 'scope "launch" needs the launch parameter of an EHR launch');
  } else if (scopes.includes('launch/patient')) {
    const picked = params.get(PICKED_PATIENT_PARAM);
    if (!picked) return { kind: 'pick-patient' };
    context = { patient: picked, needPatientBanner: true };
  }
  const nonce = params.get('nonce');
  return {
    kind: 'grant',
    grant: { clientId, redirectUri, scopes, codeChallenge, context, ...(nonce ? { nonce } : {}) },
  };
}

async function handleAuthorize(deps: SmartAuthDeps, url: URL, res: ServerResponse): Promise<void> {
  const params = url.searchParams;
  const outcome = checkAuthorizeRequest(deps, params);
  const back = (extra: Record<string, string>): void => {
    const target = new URL(params.get('redirect_uri') ?? '');
    for (const [key, value] of Object.entries(extra)) target.searchParams.set(key, value);
    const state = params.get('state');
    if (state) target.searchParams.set('state', state);
    redirect(res, target.toString());
  };
  switch (outcome.kind) {
    case 'error-page':
      sendHtml(
        res,
        outcome.status,
        `<!doctype html><title>Authorization error</title><h1>Authorization error</h1><p data-testid="auth-error">${escapeHtml(outcome.message)}</p>`,
      );
      return;
    case 'redirect-error':
      back({ error: outcome.error, error_description: outcome.description });
      return;
    case 'pick-patient':
      sendHtml(res, 200, renderPatientPicker(await deps.listPatients(), url, PICKED_PATIENT_PARAM));
      return;
    case 'grant':
      back({ code: deps.grants.issueCode(outcome.grant) });
      return;
  }
}

function tokenError(res: ServerResponse, error: string, description: string, status = 400): void {
  sendJson(res, status, { error, error_description: description });
}

async function handleToken(deps: SmartAuthDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) {
    tokenError(res, 'invalid_request', 'the token request must be application/x-www-form-urlencoded');
    return;
  }
  const form = new URLSearchParams((await readBody(req)).toString('utf8'));
  const clientId = form.get('client_id') ?? '';
  if (!deps.clients.some((c) => c.clientId === clientId)) {
    tokenError(res, 'invalid_client', `unknown client_id "${clientId}"`, 401);
    return;
  }
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') {
    const redeemed = deps.grants.redeemCode(form.get('code') ?? '');
    if (!redeemed.ok) {
      for (const token of redeemed.revokeAccessTokens) deps.tokens.revokeAccessToken(token);
      return tokenError(res, 'invalid_grant', redeemed.reason);
    }
    const { grant, grantId } = redeemed;
    if (grant.clientId !== clientId)
      return tokenError(res, 'invalid_grant', 'code was issued to another client');
    if (grant.redirectUri !== form.get('redirect_uri')) {
      return tokenError(res, 'invalid_grant', 'redirect_uri does not match the authorization request');
    }
    if (!verifyS256(form.get('code_verifier') ?? '', grant.codeChallenge)) {
      return tokenError(res, 'invalid_grant', 'PKCE code_verifier does not match the code_challenge');
    }
    sendJson(res, 200, await tokenResponse(deps, grant, grantId));
    return;
  }
  if (grantType === 'refresh_token') {
    // Rotation: this refresh token is used up whatever happens next; the answer carries the next one.
    const found = deps.grants.useRefreshToken(form.get('refresh_token') ?? '');
    if (!found.ok) return tokenError(res, 'invalid_grant', found.reason);
    if (found.grant.clientId !== clientId) {
      return tokenError(res, 'invalid_grant', 'refresh_token was issued to another client');
    }
    sendJson(res, 200, await tokenResponse(deps, found.grant, found.grantId));
    return;
  }
  tokenError(res, 'unsupported_grant_type', `grant_type "${grantType ?? ''}" is not supported`);
}

async function tokenResponse(
  deps: SmartAuthDeps,
  grant: AuthorizationGrant,
  grantId: string,
): Promise<Record<string, unknown>> {
  const scope = grant.scopes.join(' ');
  const { context } = grant;
  const sub = deps.practitionerId;
  const accessToken = await deps.tokens.signAccessToken({
    sub,
    clientId: grant.clientId,
    scope,
    ...(context ? { patient: context.patient } : {}),
  });
  deps.grants.recordAccessToken(grantId, accessToken);
  const response: Record<string, unknown> = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: deps.tokens.ttlSeconds,
    scope,
  };
  if (grant.scopes.includes('offline_access') || grant.scopes.includes('online_access')) {
    response.refresh_token = deps.grants.issueRefreshToken(grant, grantId);
  }
  if (context) {
    response.patient = context.patient;
    response.need_patient_banner = context.needPatientBanner;
    if (context.fhirContext) response.fhirContext = [{ reference: context.fhirContext }];
    if (context.encounter) response.encounter = context.encounter;
  }
  if (grant.scopes.includes('openid') && grant.scopes.includes('fhirUser')) {
    response.id_token = await deps.tokens.signIdToken({
      sub,
      fhirUser: `${trimSlash(deps.fhirBase)}/Practitioner/${sub}`,
      clientId: grant.clientId,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    });
  }
  return response;
}
