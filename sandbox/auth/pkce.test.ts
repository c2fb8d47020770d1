import { describe, expect, it } from 'vitest';
import { isValidCodeVerifier, s256CodeChallenge, verifyS256 } from './pkce.ts';

describe('PKCE S256', () => {
  it('matches the RFC 7636 appendix B example', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(s256CodeChallenge(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(verifyS256(verifier, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(true);
  });

  it('refuses a verifier that does not hash to the challenge', () => {
    const challenge = s256CodeChallenge('a'.repeat(43));
    expect(verifyS256('b'.repeat(43), challenge)).toBe(false);
  });

  it('refuses verifiers outside 43–128 unreserved characters, even when they hash right', () => {
    expect(isValidCodeVerifier('short')).toBe(false);
    expect(isValidCodeVerifier('x'.repeat(129))).toBe(false);
    expect(isValidCodeVerifier(`${'x'.repeat(42)}+`)).toBe(false);
    expect(verifyS256('short', s256CodeChallenge('short'))).toBe(false);
  });
});
