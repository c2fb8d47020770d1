import { randomUUID } from 'node:crypto';
import { decodeJwt, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import type { CryptoKey, JSONWebKeySet, JWTPayload } from 'jose';

const ALGORITHM = 'ES256';

export interface AccessTokenClaims {
  readonly sub: string;
  readonly clientId: string;
  readonly scope: string;
  readonly patient?: string;
}

export interface VerifiedAccessToken extends JWTPayload {
  readonly scope: string;
  readonly client_id: string;
  readonly patient?: string;
}

export type BearerCheck = { ok: true; token: VerifiedAccessToken } | { ok: false; reason: string };

export interface TokenService {
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  signAccessToken(claims: AccessTokenClaims): Promise<string>;
  signIdToken(claims: { sub: string; fhirUser: string; clientId: string; nonce?: string }): Promise<string>;
  verifyAccessToken(token: string): Promise<VerifiedAccessToken>;
  /** Checks an `Authorization` header as the FHIR server and the pacs-a gateway receive it. */
  checkBearer(authorization: string | undefined): Promise<BearerCheck>;
  jwks(): Promise<JSONWebKeySet>;
  /** Invalidates every access token issued so far (the EHR revoked them). */
  revokeIssuedTokens(): void;
  /** Invalidates one access token (e.g. issued under an authorization code that was replayed). */
  revokeAccessToken(token: string): void;
}

/**
 * One key pair per sandbox run, generated at start: nothing to leak, nothing to commit.
 * The FHIR server and the pacs-a gateway run in the same process, so they verify with the public key
 * directly instead of fetching the JWKS.
 */
export async function createTokenService(options: {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}): Promise<TokenService> {
  const { issuer, audience, ttlSeconds } = options;
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = randomUUID();
  // Token ids issued so far, and those revoked: verification refuses a revoked id.
  const issued = new Set<string>();
  const revoked = new Set<string>();

  const nextJti = (): string => {
    const jti = randomUUID();
    issued.add(jti);
    return jti;
  };

  const sign = (payload: JWTPayload, aud: string, sub: string, key: CryptoKey): Promise<string> =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(aud)
      .setSubject(sub)
      .setIssuedAt()
      .setJti(nextJti())
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key);

  const verifyAccessToken = async (token: string): Promise<VerifiedAccessToken> => {
    const { payload } = await jwtVerify(token, publicKey, { issuer, audience, algorithms: [ALGORITHM] });
    if (typeof payload.scope !== 'string' || typeof payload.client_id !== 'string') {
      throw new Error('not an access token');
    }
    if (payload.jti && revoked.has(payload.jti)) throw new Error('token revoked');
    return payload as VerifiedAccessToken;
  };

  return {
    issuer,
    audience,
    ttlSeconds,
    signAccessToken: (claims) =>
      sign(
        {
          scope: claims.scope,
          client_id: claims.clientId,
          ...(claims.patient ? { patient: claims.patient } : {}),
        },
        audience,
        claims.sub,
        privateKey,
      ),
    signIdToken: (claims) =>
      sign(
        { fhirUser: claims.fhirUser, ...(claims.nonce ? { nonce: claims.nonce } : {}) },
        claims.clientId,
        claims.sub,
        privateKey,
      ),
    verifyAccessToken,
    checkBearer: async (authorization) => {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!match?.[1]) return { ok: false, reason: 'missing bearer token' };
      try {
        return { ok: true, token: await verifyAccessToken(match[1]) };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : 'invalid token' };
      }
    },
    revokeAccessToken: (token) => {
      const { jti } = decodeJwt(token);
      if (jti) revoked.add(jti);
    },
    revokeIssuedTokens: () => {
      for (const jti of issued) revoked.add(jti);
      issued.clear();
    },
    jwks: async () => ({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' }] }),
  };
}
