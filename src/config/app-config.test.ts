import { describe, expect, it } from 'vitest';
import { AppConfigError, findIssuer, parseAppConfig } from './app-config';

const valid = {
  clientId: 'imaging-viewer',
  issuers: [{ iss: 'https://ehr.example.org/fhir', name: 'Example EHR' }],
};

describe('parseAppConfig', () => {
  it('fills in defaults', () => {
    const config = parseAppConfig(valid);
    expect(config.redirectPath).toBe('/callback');
    expect(config.imagingTokenOrigins).toEqual([]);
  });

  it('rejects a config without issuers, naming the field', () => {
    expect(() => parseAppConfig({ clientId: 'x', issuers: [] })).toThrow(AppConfigError);
    expect(() => parseAppConfig({ clientId: 'x', issuers: [] })).toThrow(/issuers/);
  });

  it('rejects an issuer that is not a URL', () => {
    expect(() => parseAppConfig({ clientId: 'x', issuers: [{ iss: 'not a url', name: 'n' }] })).toThrow(
      AppConfigError,
    );
  });
});

describe('findIssuer', () => {
  it('matches an issuer with or without a trailing slash', () => {
    const config = parseAppConfig(valid);
    expect(findIssuer(config, 'https://ehr.example.org/fhir/')?.name).toBe('Example EHR');
  });

  it('does not match a different path or host', () => {
    const config = parseAppConfig(valid);
    expect(findIssuer(config, 'https://ehr.example.org/fhir2')).toBeUndefined();
    expect(findIssuer(config, 'https://evil.example.org/fhir')).toBeUndefined();
  });
});
