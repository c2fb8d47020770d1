/**
 * The launch context a token response carries (SMART App Launch 2.x, "Launch context arrives with
 * your access token"). Input is untrusted JSON: anything malformed is simply absent.
 */
export interface LaunchContext {
  patientId: string | null;
  encounterId: string | null;
  /** `need_patient_banner: false` means the EHR already shows who the patient is. */
  needPatientBanner: boolean;
  /** The id of an ImagingStudy named in `fhirContext`, when the EHR opened one. */
  imagingStudyId: string | null;
}

export function parseLaunchContext(tokenResponse: unknown): LaunchContext {
  const record = isRecord(tokenResponse) ? tokenResponse : {};
  return {
    patientId: nonEmptyString(record.patient),
    encounterId: nonEmptyString(record.encounter),
    needPatientBanner: record.need_patient_banner !== false,
    imagingStudyId: imagingStudyIdFromFhirContext(record.fhirContext),
  };
}

function imagingStudyIdFromFhirContext(fhirContext: unknown): string | null {
  if (!Array.isArray(fhirContext)) return null;
  for (const item of fhirContext) {
    if (!isRecord(item)) continue;
    const id = imagingStudyIdOf(item);
    if (id) return id;
  }
  return null;
}

/** Accepts both 2.0 `{reference: "ImagingStudy/x"}` and 2.1 `{type: "ImagingStudy", reference}`. */
function imagingStudyIdOf(item: Record<string, unknown>): string | null {
  const reference = nonEmptyString(item.reference);
  if (!reference) return null;
  const match = /(?:^|\/)ImagingStudy\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  return match?.[1] ?? null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
