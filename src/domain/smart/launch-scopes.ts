/**
 * The scopes a launch asks for (SMART App Launch 2.x). The viewer reads the patient, their imaging
 * studies and the Endpoints those reference, their reports and the orders those are based on (whose
 * accession numbers link a report to its study); `offline_access` lets a long reading session refresh.
 * A server that grants less still works: without report scopes the list simply has no Report column.
 */
export type LaunchKind = 'ehr' | 'standalone';
export type PermissionStyle = 'v1' | 'v2';

const READ_RESOURCES = ['Patient', 'ImagingStudy', 'Endpoint', 'DiagnosticReport', 'ServiceRequest'] as const;

export function buildLaunchScopes(kind: LaunchKind, style: PermissionStyle): string {
  const launchScope = kind === 'ehr' ? 'launch' : 'launch/patient';
  const suffix = style === 'v2' ? 'rs' : 'read';
  const resourceScopes = READ_RESOURCES.map((type) => `patient/${type}.${suffix}`);
  return ['openid', 'fhirUser', launchScope, ...resourceScopes, 'offline_access'].join(' ');
}

/**
 * v2 scopes unless the server advertises only v1 permissions. A server that says nothing about
 * either gets v2: the current specification's syntax.
 */
export function choosePermissionStyle(capabilities: readonly string[] | undefined): PermissionStyle {
  const list = capabilities ?? [];
  if (list.includes('permission-v2')) return 'v2';
  if (list.includes('permission-v1')) return 'v1';
  return 'v2';
}
