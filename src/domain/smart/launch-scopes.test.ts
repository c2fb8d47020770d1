import { describe, expect, it } from 'vitest';
import { buildLaunchScopes, choosePermissionStyle } from './launch-scopes';

describe('buildLaunchScopes', () => {
  it('asks for v2 read/search scopes with `launch` for an EHR launch', () => {
    expect(buildLaunchScopes('ehr', 'v2')).toBe(
      'openid fhirUser launch patient/Patient.rs patient/ImagingStudy.rs patient/Endpoint.rs patient/DiagnosticReport.rs patient/ServiceRequest.rs offline_access',
    );
  });

  it('asks for a patient to be picked in a standalone launch', () => {
    expect(buildLaunchScopes('standalone', 'v2').split(' ')).toContain('launch/patient');
    expect(buildLaunchScopes('standalone', 'v2').split(' ')).not.toContain('launch');
  });

  it('uses .read for v1 servers', () => {
    expect(buildLaunchScopes('ehr', 'v1')).toContain('patient/ImagingStudy.read');
    expect(buildLaunchScopes('ehr', 'v1')).not.toContain('.rs');
  });
});

describe('choosePermissionStyle', () => {
  it('prefers v2 when both are advertised', () => {
    expect(choosePermissionStyle(['permission-v1', 'permission-v2'])).toBe('v2');
  });
  it('falls back to v1 when only v1 is advertised', () => {
    expect(choosePermissionStyle(['permission-v1', 'launch-ehr'])).toBe('v1');
  });
  it('defaults to v2 when the server says nothing', () => {
    expect(choosePermissionStyle(undefined)).toBe('v2');
    expect(choosePermissionStyle([])).toBe('v2');
  });
});
