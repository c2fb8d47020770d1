import type { IdentifierIndex } from './identifier-index.ts';

/**
 * Medplum's in-memory repository evaluates the `patient` search parameter as FHIRPath
 * `subject.where(resolve() is Patient)` on every resource: about 1 ms each, so one page of a
 * 1,000-study patient took a second. `subject=Patient/{id}` selects the same resources (a plain id
 * names a Patient) in a few milliseconds. Only the query handed to medplum changes: the Bundle links
 * keep the client's own parameters.
 */
const PATIENT_SUBJECT_TYPES = new Set(['ImagingStudy', 'DiagnosticReport', 'Observation']);
const PLAIN_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export function medplumSearchParams(
  resourceType: string,
  params: URLSearchParams,
  identifiers?: IdentifierIndex,
): URLSearchParams {
  return patientAsSubject(resourceType, identifierAsId(resourceType, params, identifiers));
}

/**
 * One `identifier=system|value` on ImagingStudy becomes `_id=` from the index (a plain token, no
 * comma list or modifier: anything else goes to medplum as it came). No match becomes an id that
 * cannot exist, so the answer stays an empty Bundle.
 */
function identifierAsId(
  resourceType: string,
  params: URLSearchParams,
  index?: IdentifierIndex,
): URLSearchParams {
  const tokens = params.getAll('identifier');
  const [token] = tokens;
  if (!index || resourceType !== 'ImagingStudy' || tokens.length !== 1 || !token) return params;
  if (!token.includes('|') || token.includes(',') || params.has('_id')) return params;
  const rewritten = new URLSearchParams(params);
  rewritten.delete('identifier');
  const ids = index.lookup(token);
  rewritten.set('_id', ids.length > 0 ? ids.join(',') : 'no-such-imaging-study');
  return rewritten;
}

function patientAsSubject(resourceType: string, params: URLSearchParams): URLSearchParams {
  const patients = params.getAll('patient');
  if (!PATIENT_SUBJECT_TYPES.has(resourceType) || patients.length !== 1) return params;
  const [patient] = patients;
  if (!patient || !PLAIN_ID.test(patient) || params.has('subject')) return params;
  const rewritten = new URLSearchParams(params);
  rewritten.delete('patient');
  rewritten.set('subject', `Patient/${patient}`);
  return rewritten;
}
