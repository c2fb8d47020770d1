/** The scopes the sandbox understands; anything else is dropped from the grant, as real servers do. */
const FIXED_SCOPES = new Set([
  'openid',
  'fhirUser',
  'profile',
  'launch',
  'launch/patient',
  'launch/encounter',
  'offline_access',
  'online_access',
]);

/** SMART v1 (`.read`, `.write`, `.*`) and v2 (`.cruds` subsets) resource scopes, with optional v2 query. */
const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)(\?\S+)?$/;

export const SCOPES_SUPPORTED: readonly string[] = [
  ...FIXED_SCOPES,
  'patient/*.read',
  'patient/*.rs',
  'user/*.read',
  'user/*.rs',
  'patient/ImagingStudy.rs',
  'patient/Endpoint.rs',
  'patient/Patient.rs',
  'patient/DiagnosticReport.rs',
  'patient/ServiceRequest.rs',
];

export function parseScope(scope: string | null | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter((s) => s.length > 0);
}

export function isSupportedScope(scope: string): boolean {
  if (FIXED_SCOPES.has(scope)) return true;
  const match = RESOURCE_SCOPE.exec(scope);
  return match !== null && match[3] !== '';
}

export function grantScopes(requested: readonly string[]): string[] {
  return [...new Set(requested.filter(isSupportedScope))];
}
