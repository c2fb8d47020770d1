import { describe, expect, it } from 'vitest';
import { buildTokenPolicy, mayReceiveAccessToken, tokenDecisionFor } from './token-destination';

const policy = buildTokenPolicy({
  fhirBaseUrl: 'https://ehr.example.org/fhir/',
  associatedEndpoints: [
    { url: 'https://pacs-a.example.org/dicom-web', capabilities: ['smart-imaging-access'] },
    { url: 'https://other.example.org/dicom-web', capabilities: ['something-else'] },
  ],
  tokenRequiringAddresses: ['https://trusted.example.org/wado'],
  configuredOrigins: ['https://trusted.example.org/ignored/path'],
});

describe('mayReceiveAccessToken', () => {
  it('allows the FHIR server', () => {
    expect(mayReceiveAccessToken('https://ehr.example.org/fhir/ImagingStudy?patient=1', policy)).toBe(true);
    expect(mayReceiveAccessToken('https://ehr.example.org/fhir', policy)).toBe(true);
  });

  it('allows an associated endpoint with smart-imaging-access, and only under its path', () => {
    expect(mayReceiveAccessToken('https://pacs-a.example.org/dicom-web/studies/1.2/series', policy)).toBe(
      true,
    );
    expect(mayReceiveAccessToken('https://pacs-a.example.org/other/studies', policy)).toBe(false);
  });

  it('refuses an associated endpoint without the imaging capability', () => {
    expect(mayReceiveAccessToken('https://other.example.org/dicom-web/studies/1', policy)).toBe(false);
  });

  it('allows endpoints that declare they require the token, and configured origins', () => {
    expect(mayReceiveAccessToken('https://trusted.example.org/wado/studies/1', policy)).toBe(true);
    expect(mayReceiveAccessToken('https://trusted.example.org/anything', policy)).toBe(true);
  });

  it('never matches on a bare prefix that is not a path segment', () => {
    expect(mayReceiveAccessToken('https://ehr.example.org/fhir-evil/x', policy)).toBe(false);
    expect(mayReceiveAccessToken('https://pacs-a.example.org/dicom-webx/studies', policy)).toBe(false);
  });

  it('refuses other hosts, ports, schemes and garbage', () => {
    expect(mayReceiveAccessToken('https://ehr.example.org:8443/fhir/Patient', policy)).toBe(false);
    expect(mayReceiveAccessToken('http://ehr.example.org/fhir/Patient', policy)).toBe(false);
    expect(mayReceiveAccessToken('https://pacs-b.example.org/dicom-web/studies', policy)).toBe(false);
    expect(mayReceiveAccessToken('not a url', policy)).toBe(false);
    expect(mayReceiveAccessToken('javascript:alert(1)', policy)).toBe(false);
  });
});

describe('an Endpoint that says it requires the access token (FHIR data)', () => {
  const base = {
    fhirBaseUrl: 'https://ehr.example.org/fhir',
    associatedEndpoints: [
      { url: 'https://pacs-a.example.org/dicom-web', capabilities: ['smart-imaging-access'] },
      { url: 'https://other.example.org/dicom-web', capabilities: ['something-else'] },
    ],
    configuredOrigins: ['https://configured.example.org'],
  };
  const decide = (address: string, request = `${address}/studies/1.2/series`) =>
    tokenDecisionFor(request, buildTokenPolicy({ ...base, tokenRequiringAddresses: [address] }));

  it.each([
    ['the FHIR server’s own origin', 'https://ehr.example.org/dicom-web'],
    ['an associated endpoint’s origin, on another path', 'https://pacs-a.example.org/wado-rs'],
    ['a configured origin', 'https://configured.example.org/rs'],
  ])('is honoured on %s', (_, address) => {
    expect(decide(address)).toBe('send');
  });

  it.each([
    ['a host nobody named', 'https://evil.example/dicom-web'],
    ['a trusted host on another port', 'https://ehr.example.org:8443/dicom-web'],
    ['a trusted host over plain http', 'http://pacs-a.example.org/dicom-web'],
    ['a sub-domain of a trusted host', 'https://evil.ehr.example.org/dicom-web'],
    ['a look-alike host', 'https://ehr.example.org.evil.example/dicom-web'],
    ['an associated endpoint without smart-imaging-access', 'https://other.example.org/dicom-web'],
    ['loopback the deployment did not name', 'http://127.0.0.1:9999/dicom-web'],
  ])('is withheld on %s: no token, and a reason to say so', (_, address) => {
    expect(decide(address)).toBe('withheld');
  });

  it('withholds only under the declaring Endpoint: the same host elsewhere is just open', () => {
    expect(decide('https://evil.example/dicom-web', 'https://evil.example/other/studies/1')).toBe('none');
    expect(decide('https://evil.example/dicom-web', 'https://evil.example/dicom-webx/studies/1')).toBe(
      'none',
    );
  });

  it('keeps the FHIR server and the trusted bases when an untrusted Endpoint is declared', () => {
    const policy = buildTokenPolicy({ ...base, tokenRequiringAddresses: ['https://evil.example/rs'] });
    expect(tokenDecisionFor('https://ehr.example.org/fhir/Patient/1', policy)).toBe('send');
    expect(tokenDecisionFor('https://pacs-a.example.org/dicom-web/studies', policy)).toBe('send');
    expect(tokenDecisionFor('https://evil.example/rs/studies', policy)).toBe('withheld');
  });

  it('gives nothing to an address that is not http(s)', () => {
    expect(decide('javascript:alert(1)', 'javascript:alert(1)')).toBe('none');
  });
});
