import { describe, expect, it } from 'vitest';
import { GrantStore, type AuthorizationGrant } from './grant-store.ts';

const GRANT: AuthorizationGrant = {
  clientId: 'imaging-viewer',
  redirectUri: 'http://127.0.0.1/callback',
  scopes: ['offline_access'],
  codeChallenge: 'x',
  context: undefined,
};

function issued(store: GrantStore): string {
  const redeemed = store.redeemCode(store.issueCode(GRANT));
  if (!redeemed.ok) throw new Error(redeemed.reason);
  return store.issueRefreshToken(redeemed.grant, redeemed.grantId);
}

describe('GrantStore refresh tokens', () => {
  it('works once, then says it was used and when', () => {
    const store = new GrantStore(() => Date.parse('2026-12-01T10:00:00Z'));
    const token = issued(store);
    expect(store.useRefreshToken(token)).toMatchObject({ ok: true, grant: GRANT });
    expect(store.useRefreshToken(token)).toEqual({
      ok: false,
      reason: 'refresh_token already used at 2026-12-01T10:00:00.000Z',
    });
  });

  it('says a token ended with every session was revoked, and one it never issued is unknown', () => {
    const store = new GrantStore(() => Date.parse('2026-12-01T10:00:00Z'));
    const token = issued(store);
    store.revokeRefreshTokens();
    expect(store.useRefreshToken(token)).toEqual({
      ok: false,
      reason: 'refresh_token revoked (every session ended) at 2026-12-01T10:00:00.000Z',
    });
    expect(store.useRefreshToken('never-issued')).toEqual({ ok: false, reason: 'unknown refresh_token' });
  });
});
