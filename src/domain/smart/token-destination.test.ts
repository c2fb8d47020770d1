import { describe, expect, it } from 'vitest';
import { buildTokenPolicy, mayReceiveAccessToken } from './token-destination';

const policy = buildTokenPolicy({
  fhirBaseUrl: 'https://ehr.example.org/fhir/',
  associatedEndpoints: [
    { url: 'https://pacs-a.example.org/dicom-web', capabilities: ['smart-imaging-access'] },
    { url: 'https://other.example.org/dicom-web', capabilities: ['something-else'] },
  ],
  tokenRequiringAddresses: ['https://declared.example.org/wado'],
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
    expect(mayReceiveAccessToken('https://declared.example.org/wado/studies/1', policy)).toBe(true);
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
