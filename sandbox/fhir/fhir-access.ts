import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { patientOf, type PatientLinks } from './patient-links.ts';

/**
 * What an access token may read on the FHIR server: its scopes (SMART v1 `.read`/`.*`, v2 `.rs` subsets)
 * say which resource types and interactions, and a `patient/` scope keeps it to the token's patient
 * (the `patient` claim). The viewer relies on this, so the sandbox enforces it: a test can then catch a
 * viewer that asks for another patient's data.
 */
export interface TokenClaims {
  readonly scope: string;
  readonly patient?: string;
}

export type Interaction = 'read' | 'search';

/** Nothing, everything of the type (user/system scopes), or only the patient's. */
export type TypeAccess =
  { kind: 'denied'; reason: string } | { kind: 'all' } | { kind: 'patient'; patient: string };

/** A resource scope without a v2 query (`?category=…` narrows in ways the sandbox does not model). */
const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.([a-z*]+)$/;

export function accessFor(token: TokenClaims, resourceType: string, interaction: Interaction): TypeAccess {
  let patientScoped = false;
  for (const scope of token.scope.split(/\s+/)) {
    const match = RESOURCE_SCOPE.exec(scope);
    if (!match) continue;
    const [, level, type, permissions = ''] = match;
    if ((type !== '*' && type !== resourceType) || !permits(permissions, interaction)) continue;
    if (level !== 'patient') return { kind: 'all' };
    patientScoped = true;
  }
  if (!patientScoped) {
    return { kind: 'denied', reason: `the token's scopes do not allow ${interaction} of ${resourceType}` };
  }
  if (!token.patient) return { kind: 'denied', reason: 'a patient scope without a patient in context' };
  return { kind: 'patient', patient: token.patient };
}

function permits(permissions: string, interaction: Interaction): boolean {
  if (permissions === 'read' || permissions === '*') return true;
  if (!/^c?r?u?d?s?$/.test(permissions)) return false;
  return permissions.includes(interaction === 'read' ? 'r' : 's');
}

/** The patient's own resource, or an Endpoint the patient's studies use. */
export function belongsTo(resource: Resource, patient: string, links: PatientLinks): boolean {
  if (resource.resourceType === 'Endpoint') {
    return resource.id !== undefined && links.endpointsOf(patient).has(resource.id);
  }
  return patientOf(resource) === patient;
}

export function mayRead(token: TokenClaims, resource: Resource, links: PatientLinks): boolean {
  const context = resource.resourceType === 'Binary' ? resource.securityContext?.reference : undefined;
  if (context) return mayReadReferenced(token, context, links);
  const access = accessFor(token, resource.resourceType, 'read');
  return access.kind === 'all' || (access.kind === 'patient' && belongsTo(resource, access.patient, links));
}

/**
 * A Binary with a `securityContext` is read under the rules of the resource it names (FHIR R4
 * Binary.securityContext): a report's attachment goes to whoever may read the report.
 */
function mayReadReferenced(token: TokenClaims, reference: string, links: PatientLinks): boolean {
  const [type = ''] = reference.split('/');
  const access = accessFor(token, type, 'read');
  if (access.kind !== 'patient') return access.kind === 'all';
  const owner = type === 'Patient' ? reference.slice('Patient/'.length) : links.ownerOf(reference);
  return owner === access.patient;
}

/**
 * A search by a patient-scoped token, narrowed to its patient before the search runs (so the total
 * and the paging links stay true): Patient by `_id`, Endpoint by the ids its studies use, anything
 * else by `patient`. A search that names another patient is refused.
 */
export function narrowSearch(
  resourceType: string,
  params: URLSearchParams,
  patient: string,
  links: PatientLinks,
): URLSearchParams | { refused: string } {
  const narrowed = new URLSearchParams(params);
  if (resourceType === 'Patient') return onlyIds(narrowed, [patient]);
  if (resourceType === 'Endpoint') return onlyIds(narrowed, [...links.endpointsOf(patient)]);
  const named = [...params.getAll('patient'), ...params.getAll('subject')];
  if (named.some((value) => patientIdOf(value) !== patient)) {
    return { refused: `this token may read Patient/${patient}'s records only` };
  }
  if (named.length === 0) narrowed.set('patient', patient);
  return narrowed;
}

/**
 * The answer's entries the token may see: matches of a narrowed search are the patient's already;
 * `_include`d and `_revinclude`d resources are checked one by one against their own type's scopes.
 */
export function filterBundle(bundle: Bundle, token: TokenClaims, links: PatientLinks): Bundle {
  if (!bundle.entry) return bundle;
  const visible = (entry: BundleEntry): boolean =>
    !entry.resource ||
    entry.resource.resourceType === 'OperationOutcome' ||
    mayRead(token, entry.resource, links);
  return { ...bundle, entry: bundle.entry.filter(visible) };
}

function onlyIds(params: URLSearchParams, allowed: readonly string[]): URLSearchParams {
  const asked = params.getAll('_id').flatMap((value) => value.split(','));
  const ids = asked.length > 0 ? asked.filter((id) => allowed.includes(id)) : allowed;
  params.delete('_id');
  params.set('_id', ids.length > 0 ? ids.join(',') : 'none-for-this-patient');
  return params;
}

/** `p1`, `Patient/p1` or `https://…/Patient/p1` → `p1`; anything else as it came. */
function patientIdOf(value: string): string {
  return /(?:^|\/)Patient\/([^/]+)$/.exec(value)?.[1] ?? value;
}
