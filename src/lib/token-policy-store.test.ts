import { describe, expect, it } from 'vitest';
import { mayReceiveAccessToken } from '@/domain/smart/token-destination';
import { TokenPolicyStore } from './token-policy-store';

describe('TokenPolicyStore', () => {
  it('adds declared endpoints without forgetting the FHIR server', () => {
    const store = new TokenPolicyStore({ fhirBaseUrl: 'https://ehr.example.org/fhir' });
    expect(mayReceiveAccessToken('https://img.example.org/rs/studies/1', store.current)).toBe(false);
    store.trust(['https://img.example.org/rs']);
    expect(mayReceiveAccessToken('https://img.example.org/rs/studies/1', store.current)).toBe(true);
    expect(mayReceiveAccessToken('https://ehr.example.org/fhir/Patient/1', store.current)).toBe(true);
  });
});
