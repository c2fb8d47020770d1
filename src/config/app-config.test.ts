import { describe, expect, it } from 'vitest';
import { AppConfigError, findIssuer, issuerOfSession, parseAppConfig, standaloneIssOf } from './app-config';

const valid = {
  clientId: 'imaging-viewer',
  issuers: [{ iss: 'https://ehr.example.org/fhir', name: 'Example EHR' }],
};

describe('parseAppConfig', () => {
  it('fills in defaults', () => {
    const config = parseAppConfig(valid);
    expect(config.redirectPath).toBe('/callback');
    expect(config.imagingTokenOrigins).toEqual([]);
    expect(config.imagingProxies).toEqual([]);
  });

  it('reads the PACSes forwarded from the viewer’s own origin', () => {
    const imagingProxies = [{ server: 'https://pacs.example.org/dicom-web', path: '/pacs/dicom-web' }];
    expect(parseAppConfig({ ...valid, imagingProxies }).imagingProxies).toEqual(imagingProxies);
  });

  it.each([
    ['a server that is not http(s)', { server: 'ftp://pacs.example.org/dicom-web', path: '/pacs' }],
    ['a server with a query', { server: 'https://pacs.example.org/dicom-web?x=1', path: '/pacs' }],
    ['a relative path', { server: 'https://pacs.example.org/dicom-web', path: 'pacs' }],
    ['a path that names another host', { server: 'https://pacs.example.org/dicom-web', path: '//evil.org' }],
    ['a path that climbs', { server: 'https://pacs.example.org/dicom-web', path: '/pacs/../fhir' }],
    ['a path with a query', { server: 'https://pacs.example.org/dicom-web', path: '/pacs?x' }],
  ])('refuses %s as an imaging proxy', (_case, proxy) => {
    expect(() => parseAppConfig({ ...valid, imagingProxies: [proxy] })).toThrow(/imagingProxies/);
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

describe('standaloneIss', () => {
  const launcher = {
    clientId: 'imaging-viewer',
    issuers: [
      {
        iss: 'https://launcher.example.org/v/r4/fhir',
        standaloneIss: 'https://launcher.example.org/v/r4/sim/eyJ9/fhir',
        name: 'SMART launcher',
      },
      { iss: 'https://ehr.example.org/fhir', name: 'Example EHR' },
    ],
  };

  it('is where a standalone launch goes, defaulting to the EHR launch’s iss', () => {
    const [sim, plain] = parseAppConfig(launcher).issuers;
    expect(sim && standaloneIssOf(sim)).toBe('https://launcher.example.org/v/r4/sim/eyJ9/fhir');
    expect(plain && standaloneIssOf(plain)).toBe('https://ehr.example.org/fhir');
  });

  it('names the same EHR for a session from either base, but an EHR launch only from iss', () => {
    const config = parseAppConfig(launcher);
    expect(issuerOfSession(config, 'https://launcher.example.org/v/r4/sim/eyJ9/fhir/')?.name).toBe(
      'SMART launcher',
    );
    expect(issuerOfSession(config, 'https://launcher.example.org/v/r4/fhir')?.name).toBe('SMART launcher');
    expect(findIssuer(config, 'https://launcher.example.org/v/r4/sim/eyJ9/fhir')).toBeUndefined();
    expect(issuerOfSession(config, 'https://evil.example.org/fhir')).toBeUndefined();
  });

  it('must be a URL', () => {
    expect(() =>
      parseAppConfig({
        ...valid,
        issuers: [{ iss: 'https://a.example/fhir', name: 'a', standaloneIss: 'x' }],
      }),
    ).toThrow(/standaloneIss/);
  });
});
