import { randomBytes, randomUUID } from 'node:crypto';
import type { LaunchContext } from './launch-registry.ts';

/** Authorization codes live one minute (RFC 6749 §4.1.2 recommends at most ten). */
const CODE_TTL_MS = 60_000;

export interface AuthorizationGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly codeChallenge: string;
  readonly context: LaunchContext | undefined;
  readonly nonce?: string;
}

interface StoredCode {
  readonly grant: AuthorizationGrant;
  readonly grantId: string;
  readonly expiresAt: number;
  used: boolean;
}

/** Everything one authorization code turned into: its access tokens and its (current) refresh token. */
interface IssuedFromCode {
  readonly accessTokens: string[];
  readonly refreshTokens: Set<string>;
}

export type UsedRefreshToken =
  | { ok: true; grant: AuthorizationGrant; grantId: string }
  /** `reason`: why the token does not work, with when it stopped working, for the error_description. */
  | { ok: false; reason: string };

/** How many ended refresh tokens are remembered, so that a refusal can say why (a sandbox, not a store). */
const ENDED_REFRESH_TOKENS_KEPT = 10_000;

export type RedeemedCode =
  | { ok: true; grant: AuthorizationGrant; grantId: string }
  /** `revokeAccessTokens`: what a replayed code had issued, for the token service to revoke. */
  | { ok: false; reason: string; revokeAccessTokens: readonly string[] };

/**
 * Single-use authorization codes and the refresh tokens they turn into, in memory.
 * - A code used twice revokes what it issued (RFC 6749 §4.1.2): the replay may be an attacker's.
 * - Refresh tokens rotate: each use returns a new one and the old one stops working.
 */
export class GrantStore {
  private readonly codes = new Map<string, StoredCode>();
  private readonly issued = new Map<string, IssuedFromCode>();
  private readonly refreshTokens = new Map<string, { grant: AuthorizationGrant; grantId: string }>();
  /** Refresh tokens that stopped working, and why: a refusal that names its cause can be told apart. */
  private readonly endedRefreshTokens = new Map<string, string>();

  constructor(private readonly now: () => number = Date.now) {}

  issueCode(grant: AuthorizationGrant): string {
    const code = randomBytes(24).toString('base64url');
    const grantId = randomUUID();
    this.issued.set(grantId, { accessTokens: [], refreshTokens: new Set() });
    this.codes.set(code, { grant, grantId, expiresAt: this.now() + CODE_TTL_MS, used: false });
    return code;
  }

  /** Redeems a code once: a second attempt (replay) fails and revokes what the first one issued. */
  redeemCode(code: string): RedeemedCode {
    const stored = this.codes.get(code);
    if (!stored) return { ok: false, reason: 'unknown authorization code', revokeAccessTokens: [] };
    if (stored.used) {
      return {
        ok: false,
        reason: 'authorization code already used (what it issued is revoked)',
        revokeAccessTokens: this.revokeGrant(stored.grantId),
      };
    }
    stored.used = true;
    if (this.now() > stored.expiresAt) {
      return { ok: false, reason: 'authorization code expired', revokeAccessTokens: [] };
    }
    return { ok: true, grant: stored.grant, grantId: stored.grantId };
  }

  /** Remembers an access token issued under a code, so that a replay of the code can revoke it. */
  recordAccessToken(grantId: string, token: string): void {
    this.issued.get(grantId)?.accessTokens.push(token);
  }

  issueRefreshToken(grant: AuthorizationGrant, grantId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.refreshTokens.set(token, { grant, grantId });
    this.issued.get(grantId)?.refreshTokens.add(token);
    return token;
  }

  /** Uses up a refresh token: it works once, and the caller issues the next one (rotation). */
  useRefreshToken(token: string): UsedRefreshToken {
    const found = this.refreshTokens.get(token);
    if (!found) {
      return { ok: false, reason: this.endedRefreshTokens.get(token) ?? 'unknown refresh_token' };
    }
    this.refreshTokens.delete(token);
    this.issued.get(found.grantId)?.refreshTokens.delete(token);
    this.endRefreshToken(token, 'refresh_token already used');
    return { ok: true, ...found };
  }

  revokeRefreshTokens(): void {
    for (const token of this.refreshTokens.keys())
      this.endRefreshToken(token, 'refresh_token revoked (every session ended)');
    this.refreshTokens.clear();
    for (const issued of this.issued.values()) issued.refreshTokens.clear();
  }

  private endRefreshToken(token: string, why: string): void {
    if (this.endedRefreshTokens.size >= ENDED_REFRESH_TOKENS_KEPT) {
      const oldest = this.endedRefreshTokens.keys().next().value;
      if (oldest !== undefined) this.endedRefreshTokens.delete(oldest);
    }
    this.endedRefreshTokens.set(token, `${why} at ${new Date(this.now()).toISOString()}`);
  }

  private revokeGrant(grantId: string): string[] {
    const issued = this.issued.get(grantId);
    if (!issued) return [];
    for (const token of issued.refreshTokens) {
      this.refreshTokens.delete(token);
      this.endRefreshToken(token, 'refresh_token revoked (its authorization code was used twice)');
    }
    issued.refreshTokens.clear();
    return issued.accessTokens.splice(0);
  }
}
