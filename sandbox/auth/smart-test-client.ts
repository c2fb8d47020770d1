import { randomBytes } from 'node:crypto';
import { s256CodeChallenge } from './pkce.ts';

/** Test helper: the browser side of a SMART launch, done with fetch (no redirects followed). */
export interface AuthorizeRequest {
  readonly ehr: string;
  readonly fhir: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly launch?: string;
  readonly codeVerifier?: string;
  readonly state?: string;
  /** Replace or delete (`null`) query parameters to build broken requests. */
  readonly overrides?: Readonly<Record<string, string | null>>;
}

export function newCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

export function authorizeUrl(request: AuthorizeRequest): {
  url: string;
  codeVerifier: string;
  state: string;
} {
  const codeVerifier = request.codeVerifier ?? newCodeVerifier();
  const state = request.state ?? randomBytes(8).toString('hex');
  const url = new URL('/authorize', request.ehr);
  const params = new Map<string, string>(
    Object.entries({
      response_type: 'code',
      client_id: request.clientId,
      redirect_uri: request.redirectUri,
      scope: request.scope,
      state,
      aud: request.fhir,
      code_challenge: s256CodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      ...(request.launch ? { launch: request.launch } : {}),
    }),
  );
  for (const [key, value] of Object.entries(request.overrides ?? {})) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  for (const [key, value] of params) url.searchParams.set(key, value);
  return { url: url.toString(), codeVerifier, state };
}

/** Calls /authorize and returns where it redirects to (or the status when it does not). */
export async function callAuthorize(url: string): Promise<{ status: number; location?: URL; body: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  return {
    status: response.status,
    ...(location ? { location: new URL(location) } : {}),
    body: await response.text(),
  };
}

export async function postToken(
  ehr: string,
  form: Readonly<Record<string, string>>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL('/token', ehr), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The whole EHR launch: launch id → /authorize → code → /token. Returns the token response. */
export async function launchAndGetToken(
  request: AuthorizeRequest,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { url, codeVerifier } = authorizeUrl(request);
  const authorized = await callAuthorize(url);
  const code = authorized.location?.searchParams.get('code');
  if (!code)
    throw new Error(`no code: ${authorized.status} ${authorized.location?.toString() ?? authorized.body}`);
  return postToken(request.ehr, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: request.redirectUri,
    client_id: request.clientId,
    code_verifier: codeVerifier,
  });
}
