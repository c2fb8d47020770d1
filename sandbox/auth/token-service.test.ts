import { describe, expect, it } from 'vitest';
import { createTokenService } from './token-service.ts';

const options = { issuer: 'http://127.0.0.1:1', audience: 'http://127.0.0.1:2/fhir', ttlSeconds: 60 };
const claims = {
  sub: 'sandbox-clinician',
  clientId: 'imaging-viewer',
  scope: 'patient/*.rs',
  patient: 'phantom',
};

describe('token service', () => {
  it('verifies its own access tokens and reads their claims', async () => {
    const tokens = await createTokenService(options);
    const check = await tokens.checkBearer(`Bearer ${await tokens.signAccessToken(claims)}`);
    expect(check.ok && check.token).toMatchObject({
      iss: options.issuer,
      aud: options.audience,
      sub: 'sandbox-clinician',
      patient: 'phantom',
      scope: 'patient/*.rs',
    });
  });

  it('refuses tokens of another key, of another audience, expired ones and malformed headers', async () => {
    const tokens = await createTokenService(options);
    const stranger = await createTokenService(options);
    const shortLived = await createTokenService({ ...options, ttlSeconds: 1 });
    const idToken = await tokens.signIdToken({
      sub: 'x',
      fhirUser: 'Practitioner/x',
      clientId: 'imaging-viewer',
    });
    const expiring = await shortLived.signAccessToken(claims);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await tokens.checkBearer(`Bearer ${await stranger.signAccessToken(claims)}`)).ok).toBe(false);
    expect((await tokens.checkBearer(`Bearer ${idToken}`)).ok).toBe(false);
    expect((await shortLived.checkBearer(`Bearer ${expiring}`)).ok).toBe(false);
    expect((await tokens.checkBearer(undefined)).ok).toBe(false);
    expect((await tokens.checkBearer('Basic abc')).ok).toBe(false);
  });

  it('publishes the public key as a JWKS', async () => {
    const { keys } = await (await createTokenService(options)).jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', alg: 'ES256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });
});
