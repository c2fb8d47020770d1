import type { Server } from 'node:http';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLauncherHandler } from '../launcher/ehr-launcher-page.ts';
import { startEhrServer } from '../launcher/ehr-server.ts';
import { GrantStore } from './grant-store.ts';
import { closeServer } from '../http-helpers.ts';
import { LaunchRegistry } from './launch-registry.ts';
import type { PatientSummary } from '../launcher/patient-summaries.ts';
import { createSmartAuthHandler } from './smart-auth-server.ts';
import type { AuthorizeRequest } from './smart-test-client.ts';
import {
  authorizeUrl,
  callAuthorize,
  launchAndGetToken,
  newCodeVerifier,
  postToken,
} from './smart-test-client.ts';
import { createTokenService } from './token-service.ts';
import type { TokenService } from './token-service.ts';
import { testPort } from '../test-port';

const PORT = testPort(4532);
const EHR = `http://127.0.0.1:${PORT}`;
const FHIR = `http://127.0.0.1:${testPort(4531)}/fhir`;
const APP = `http://127.0.0.1:${testPort(4530)}`;
const REDIRECT = `${APP}/callback`;
const PATIENTS: PatientSummary[] = [
  { id: 'phantom', name: 'HEAD', studies: [{ id: 'phantom-ct', description: 'CT head' }] },
  { id: 'colour', name: 'Iris Prism', studies: [] },
];

let server: Server;
let tokens: TokenService;
const launches = new LaunchRegistry();

beforeAll(async () => {
  tokens = await createTokenService({ issuer: EHR, audience: FHIR, ttlSeconds: 300 });
  const listPatients = () => Promise.resolve(PATIENTS);
  server = await startEhrServer({
    port: PORT,
    tokens,
    handlers: [
      createSmartAuthHandler({
        tokens,
        grants: new GrantStore(),
        launches,
        clients: [{ clientId: 'imaging-viewer', redirectUris: [REDIRECT] }],
        fhirBase: FHIR,
        practitionerId: 'sandbox-clinician',
        listPatients,
      }),
      createLauncherHandler({ launches, appOrigin: APP, fhirBase: FHIR, listPatients }),
    ],
  });
});

afterAll(() => closeServer(server));

const ehrLaunch = (overrides: Partial<AuthorizeRequest> = {}): AuthorizeRequest => ({
  ehr: EHR,
  fhir: FHIR,
  clientId: 'imaging-viewer',
  redirectUri: REDIRECT,
  scope: 'launch openid fhirUser patient/*.rs offline_access',
  launch: launches.register({
    patient: 'phantom',
    fhirContext: 'ImagingStudy/phantom-ct',
    needPatientBanner: false,
  }),
  ...overrides,
});

async function codeFor(request: AuthorizeRequest): Promise<{ code: string; codeVerifier: string }> {
  const { url, codeVerifier } = authorizeUrl(request);
  const code = (await callAuthorize(url)).location?.searchParams.get('code');
  if (!code) throw new Error('no code');
  return { code, codeVerifier };
}

describe('SMART authorization server: /authorize', () => {
  it('redirects back with a code and the state echoed', async () => {
    const { url, state } = authorizeUrl({ ...ehrLaunch(), state: 'state-123' });
    const result = await callAuthorize(url);
    expect(result.status).toBe(302);
    expect(`${result.location?.origin ?? ''}${result.location?.pathname ?? ''}`).toBe(REDIRECT);
    expect(result.location?.searchParams.get('state')).toBe(state);
    expect(result.location?.searchParams.get('code')).toBeTruthy();
  });

  it('refuses a request without PKCE', async () => {
    const { url } = authorizeUrl(
      ehrLaunch({ overrides: { code_challenge: null, code_challenge_method: null } }),
    );
    const result = await callAuthorize(url);
    expect(result.location?.searchParams.get('error')).toBe('invalid_request');
    expect(result.location?.searchParams.get('code')).toBeNull();
  });

  it('refuses the plain PKCE method', async () => {
    const { url } = authorizeUrl(ehrLaunch({ overrides: { code_challenge_method: 'plain' } }));
    expect((await callAuthorize(url)).location?.searchParams.get('error')).toBe('invalid_request');
  });

  it('shows an error page, never a redirect, for an unknown client or redirect_uri', async () => {
    const broken: Record<string, string>[] = [
      { client_id: 'someone-else' },
      { redirect_uri: 'http://127.0.0.1:9999/callback' },
    ];
    for (const overrides of broken) {
      const result = await callAuthorize(authorizeUrl(ehrLaunch({ overrides })).url);
      expect(result.status).toBe(400);
      expect(result.location).toBeUndefined();
      expect(result.body).toContain('data-testid="auth-error"');
    }
  });

  it('refuses an aud that is not the FHIR base, a missing state and an unknown launch', async () => {
    const errorOf = async (request: AuthorizeRequest) =>
      (await callAuthorize(authorizeUrl(request).url)).location?.searchParams.get('error');
    expect(await errorOf(ehrLaunch({ overrides: { aud: 'http://evil.example/fhir' } }))).toBe(
      'invalid_request',
    );
    expect(await errorOf(ehrLaunch({ overrides: { state: null } }))).toBe('invalid_request');
    expect(await errorOf(ehrLaunch({ launch: 'not-a-launch' }))).toBe('invalid_request');
    expect(await errorOf(ehrLaunch({ overrides: { response_type: 'token' } }))).toBe(
      'unsupported_response_type',
    );
  });

  it('shows a patient picker for a standalone launch, whose choice becomes the patient context', async () => {
    const { url, codeVerifier } = authorizeUrl({
      ehr: EHR,
      fhir: FHIR,
      clientId: 'imaging-viewer',
      redirectUri: REDIRECT,
      scope: 'launch/patient patient/*.rs',
    });
    const picker = await callAuthorize(url);
    expect(picker.status).toBe(200);
    const href = /data-testid="pick-colour" href="([^"]+)"/.exec(picker.body)?.[1]?.replaceAll('&amp;', '&');
    expect(href).toBeTruthy();
    const chosen = await callAuthorize(new URL(href ?? '', EHR).toString());
    const code = chosen.location?.searchParams.get('code') ?? '';
    const token = await postToken(EHR, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'imaging-viewer',
      code_verifier: codeVerifier,
    });
    expect(token.body.patient).toBe('colour');
    expect(token.body.fhirContext).toBeUndefined();
  });
});

describe('SMART authorization server: /token', () => {
  it('issues a verifiable access token with the launch context', async () => {
    const token = await launchAndGetToken(ehrLaunch({ scope: `${ehrLaunch().scope} not/a-scope` }));
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'launch openid fhirUser patient/*.rs offline_access',
      patient: 'phantom',
      need_patient_banner: false,
      fhirContext: [{ reference: 'ImagingStudy/phantom-ct' }],
    });
    const verified = await tokens.verifyAccessToken(String(token.body.access_token));
    expect(verified).toMatchObject({ iss: EHR, aud: FHIR, patient: 'phantom', sub: 'sandbox-clinician' });
    // Same key, other audience: the id_token must not work as an access token.
    expect((await tokens.checkBearer(`Bearer ${String(token.body.id_token)}`)).ok).toBe(false);
    expect(decodeJwt(String(token.body.id_token))).toMatchObject({
      iss: EHR,
      aud: 'imaging-viewer',
      fhirUser: `${FHIR}/Practitioner/sandbox-clinician`,
    });
  });

  it('refuses a wrong PKCE verifier with invalid_grant', async () => {
    const { code } = await codeFor(ehrLaunch());
    const result = await postToken(EHR, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'imaging-viewer',
      code_verifier: newCodeVerifier(),
    });
    expect(result.status).toBe(400);
    expect(result.body.error).toBe('invalid_grant');
  });

  it('refuses a second use of the same code', async () => {
    const { code, codeVerifier } = await codeFor(ehrLaunch());
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'imaging-viewer',
      code_verifier: codeVerifier,
    };
    const first = await postToken(EHR, form);
    expect(first.status).toBe(200);
    expect((await tokens.checkBearer(`Bearer ${String(first.body.access_token)}`)).ok).toBe(true);
    const replay = await postToken(EHR, form);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    // RFC 6749 §4.1.2: the replay revokes what the code issued, access and refresh tokens alike.
    expect(await tokens.checkBearer(`Bearer ${String(first.body.access_token)}`)).toEqual({
      ok: false,
      reason: 'token revoked',
    });
    const refresh = await postToken(EHR, {
      grant_type: 'refresh_token',
      refresh_token: String(first.body.refresh_token),
      client_id: 'imaging-viewer',
    });
    expect(refresh.body.error).toBe('invalid_grant');
    // The refusal says why, so that a test that meets it can tell a replay from a reuse or a revocation.
    expect(refresh.body.error_description).toMatch(
      /^refresh_token revoked \(its authorization code was used twice\) at /,
    );
  });

  it('revokes, on a replayed code, the tokens its refreshes issued too, and nobody else’s', async () => {
    const { code, codeVerifier } = await codeFor(ehrLaunch());
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'imaging-viewer',
      code_verifier: codeVerifier,
    };
    const first = await postToken(EHR, form);
    const refreshed = await postToken(EHR, {
      grant_type: 'refresh_token',
      refresh_token: String(first.body.refresh_token),
      client_id: 'imaging-viewer',
    });
    const bystander = await launchAndGetToken(ehrLaunch());
    await postToken(EHR, form);
    expect((await tokens.checkBearer(`Bearer ${String(refreshed.body.access_token)}`)).ok).toBe(false);
    const afterReplay = await postToken(EHR, {
      grant_type: 'refresh_token',
      refresh_token: String(refreshed.body.refresh_token),
      client_id: 'imaging-viewer',
    });
    expect(afterReplay.body.error).toBe('invalid_grant');
    expect((await tokens.checkBearer(`Bearer ${String(bystander.body.access_token)}`)).ok).toBe(true);
  });

  it('refuses a redirect_uri that differs from the authorization request', async () => {
    const { code, codeVerifier } = await codeFor(ehrLaunch());
    const result = await postToken(EHR, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${APP}/other`,
      client_id: 'imaging-viewer',
      code_verifier: codeVerifier,
    });
    expect(result.body.error).toBe('invalid_grant');
  });

  it('refreshes with the refresh token, keeping the context, and rotates it', async () => {
    const first = await launchAndGetToken(ehrLaunch());
    const refreshed = await postToken(EHR, {
      grant_type: 'refresh_token',
      refresh_token: String(first.body.refresh_token),
      client_id: 'imaging-viewer',
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.patient).toBe('phantom');
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    // Rotation: a new refresh token each time, and the used one stops working.
    expect(typeof refreshed.body.refresh_token).toBe('string');
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    const reused = await postToken(EHR, {
      grant_type: 'refresh_token',
      refresh_token: String(first.body.refresh_token),
      client_id: 'imaging-viewer',
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
    expect(reused.body.error_description).toMatch(/^refresh_token already used at \d{4}-/);
    const next = await postToken(EHR, {
      grant_type: 'refresh_token',
      refresh_token: String(refreshed.body.refresh_token),
      client_id: 'imaging-viewer',
    });
    expect(next.status).toBe(200);
    expect(
      (
        await postToken(EHR, {
          grant_type: 'refresh_token',
          refresh_token: 'nope',
          client_id: 'imaging-viewer',
        })
      ).body,
    ).toMatchObject({ error: 'invalid_grant', error_description: 'unknown refresh_token' });
  });

  it('gives no refresh token unless offline_access or online_access was asked for', async () => {
    const token = await launchAndGetToken(ehrLaunch({ scope: 'launch patient/*.rs' }));
    expect(token.body.refresh_token).toBeUndefined();
    expect(token.body.id_token).toBeUndefined();
  });

  it('answers the CORS preflight of the browser app', async () => {
    const response = await fetch(`${EHR}/token`, {
      method: 'OPTIONS',
      headers: { Origin: APP, 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
  });
});

describe('EHR launcher', () => {
  it('returns launch URLs that carry iss and a launch id the auth server knows', async () => {
    const response = await fetch(`${EHR}/api/launch?patient=phantom&study=phantom-ct&banner=false`);
    const { launchUrl } = (await response.json()) as { launchUrl: string };
    const url = new URL(launchUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${APP}/launch`);
    expect(url.searchParams.get('iss')).toBe(FHIR);
    expect(launches.lookup(url.searchParams.get('launch') ?? '')).toEqual({
      patient: 'phantom',
      fhirContext: 'ImagingStudy/phantom-ct',
      needPatientBanner: false,
    });
  });

  it('lists patients with stable test ids', async () => {
    const html = await (await fetch(`${EHR}/launcher`)).text();
    expect(html).toContain('data-testid="launch-phantom"');
    expect(html).toContain('data-testid="launch-phantom-study-phantom-ct"');
    expect(html).toContain('data-testid="launch-colour-no-banner"');
    expect(html).toContain('data-testid="launch-phantom-embedded" href="/embedded?patient=phantom"');
  });

  it('shows the embedded launch: the EHR page with a fresh launch of the app in an iframe', async () => {
    const response = await fetch(`${EHR}/embedded?patient=phantom&study=phantom-ct`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const src = /<iframe name="smart-app"[^>]*\ssrc="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    const url = new URL(src ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${APP}/launch`);
    expect(url.searchParams.get('iss')).toBe(FHIR);
    expect(launches.lookup(url.searchParams.get('launch') ?? '')).toMatchObject({
      patient: 'phantom',
      fhirContext: 'ImagingStudy/phantom-ct',
    });
    expect((await fetch(`${EHR}/embedded?patient=nobody`)).status).toBe(400);
  });
});
