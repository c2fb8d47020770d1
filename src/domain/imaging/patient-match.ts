import type { PatientIdentity } from '../fhir/patient-identity';

/** The FHIR patient in context, reduced to what can be compared with DICOM. */
export interface PatientForMatching {
  /** Every identifier value the patient is known by (MRN and others), and the resource id. */
  identifiers: readonly string[];
  family: string | null;
  given: readonly string[];
}

/** The patient a DICOM instance names: PatientID (0010,0020) and PatientName (0010,0010). */
export interface DicomPatient {
  id: string | null;
  /** PN in DICOM form: `FAMILY^GIVEN^MIDDLE^PREFIX^SUFFIX`. */
  name: string | null;
}

/**
 * One conflict, with the DICOM value as the header gives it: the screen writes the sentence, so it can
 * show the value isolated and with any invisible characters written out (an identity field).
 */
export interface MismatchReason {
  field: 'id' | 'name';
  dicomValue: string;
}

export type PatientMatch =
  | { status: 'match' }
  /** The DICOM names nobody: nothing to compare, nothing to warn about either. */
  | { status: 'unverified' }
  | { status: 'mismatch'; reasons: MismatchReason[] };

/**
 * The patient banner's `FAMILY, Given Middle` back into parts, with the MRN and resource id as
 * identifiers: what the session knows about the patient in context.
 */
export function patientForMatchingOf(patient: PatientIdentity): PatientForMatching {
  const [family = '', given = ''] = (patient.name ?? '').split(',', 2);
  return {
    identifiers: [patient.mrn, patient.id].filter((value): value is string => !!value),
    family: family.trim() || null,
    given: given.trim().split(/\s+/).filter(Boolean),
  };
}

/**
 * Whether the images on screen belong to the patient in context. A wrong-patient image is one of
 * the few errors a viewer can cause by itself, so any conflict counts: a PatientID that is none of
 * the patient's identifiers, or a family name (or first given name, when both sides have one) that
 * differs. Case, accents, spaces and punctuation are ignored, as are DICOM's `^` separators;
 * an initial matches the name it abbreviates.
 */
export function comparePatients(fhir: PatientForMatching, dicom: DicomPatient): PatientMatch {
  const reasons: MismatchReason[] = [];
  const dicomId = dicom.id?.trim() || null;
  if (dicomId) {
    const known = fhir.identifiers.map(normalizeIdentifier);
    if (!known.includes(normalizeIdentifier(dicomId))) reasons.push({ field: 'id', dicomValue: dicomId });
  }
  const parts = dicomNameParts(dicom.name);
  if (parts) {
    const fhirFamily = normalizeName(fhir.family ?? '');
    const sameFamily = fhirFamily !== '' && fhirFamily === normalizeName(parts.family);
    const dicomFirst = parts.given[0];
    const fhirFirst = fhir.given[0];
    const sameGiven = !dicomFirst || !fhirFirst || sameGivenName(dicomFirst, fhirFirst);
    if (!sameFamily || !sameGiven) reasons.push({ field: 'name', dicomValue: dicom.name ?? '' });
  }
  if (reasons.length > 0) return { status: 'mismatch', reasons };
  return dicomId || parts ? { status: 'match' } : { status: 'unverified' };
}

function normalizeIdentifier(value: string): string {
  return value.trim().toUpperCase();
}

/** Upper case without accents, spaces, hyphens or apostrophes: "O'Brien-Smith" = "OBRIENSMITH". */
function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function sameGivenName(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === '' || y === '') return true;
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  return x === y;
}

function dicomNameParts(name: string | null): { family: string; given: string[] } | null {
  // Only the alphabetic group: ideographic and phonetic groups follow a '='.
  const alphabetic = (name ?? '').split('=')[0] ?? '';
  const [family = '', given = '', middle = ''] = alphabetic.split('^');
  if (!family.trim() && !given.trim()) return null;
  return { family: family.trim(), given: [...given.trim().split(/\s+/), middle.trim()].filter(Boolean) };
}
