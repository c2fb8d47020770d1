import { randomBytes } from 'node:crypto';
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
  readonly expiresAt: number;
  used: boolean;
}

/** Single-use authorization codes and the refresh tokens they turn into, in memory. */
export class GrantStore {
  private readonly codes = new Map<string, StoredCode>();
  private readonly refreshTokens = new Map<string, AuthorizationGrant>();

  constructor(private readonly now: () => number = Date.now) {}

  issueCode(grant: AuthorizationGrant): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { grant, expiresAt: this.now() + CODE_TTL_MS, used: false });
    return code;
  }

  /** Redeems a code once: a second attempt (replay) and an expired code both fail. */
  redeemCode(code: string): { ok: true; grant: AuthorizationGrant } | { ok: false; reason: string } {
    const stored = this.codes.get(code);
    if (!stored) return { ok: false, reason: 'unknown authorization code' };
    if (stored.used) return { ok: false, reason: 'authorization code already used' };
    stored.used = true;
    if (this.now() > stored.expiresAt) return { ok: false, reason: 'authorization code expired' };
    return { ok: true, grant: stored.grant };
  }

  issueRefreshToken(grant: AuthorizationGrant): string {
    const token = randomBytes(32).toString('base64url');
    this.refreshTokens.set(token, grant);
    return token;
  }

  lookupRefreshToken(token: string): AuthorizationGrant | undefined {
    return this.refreshTokens.get(token);
  }

  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }
}
