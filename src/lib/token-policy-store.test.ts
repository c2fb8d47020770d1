import { describe, expect, it } from 'vitest';
import { mayReceiveAccessToken, tokenDecisionFor } from '@/domain/smart/token-destination';
import { TokenPolicyStore } from './token-policy-store';

describe('TokenPolicyStore', () => {
  it('adds declared endpoints without forgetting the FHIR server', () => {
    const store = new TokenPolicyStore({ fhirBaseUrl: 'https://ehr.example.org/fhir' });
    expect(mayReceiveAccessToken('https://ehr.example.org/rs/studies/1', store.current)).toBe(false);
    store.trust(['https://ehr.example.org/rs']);
    expect(mayReceiveAccessToken('https://ehr.example.org/rs/studies/1', store.current)).toBe(true);
    expect(mayReceiveAccessToken('https://ehr.example.org/fhir/Patient/1', store.current)).toBe(true);
  });

  it('withholds the token from a declared endpoint on an origin nobody trusts', () => {
    const store = new TokenPolicyStore({ fhirBaseUrl: 'https://ehr.example.org/fhir' });
    store.trust(['https://evil.example/rs']);
    expect(tokenDecisionFor('https://evil.example/rs/studies/1', store.current)).toBe('withheld');
  });
});
