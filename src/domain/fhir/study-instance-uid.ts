/**
 * Where an ImagingStudy keeps its Study Instance UID: R4 puts it in `identifier` with system
 * "urn:dicom:uid" and an "urn:oid:" value; STU3 had a `uid` element.
 */
import { parseStudyInstanceUid, type StudyInstanceUid } from '../dicomweb/dicom-uid';
import { field, readRecords, readText } from './json-read';

export const DICOM_UID_IDENTIFIER_SYSTEM = 'urn:dicom:uid';

export type StudyInstanceUidReading =
  { uid: StudyInstanceUid; raw: string; error: null } | { uid: null; raw: string | null; error: string };

export function studyInstanceUidOf(study: unknown): StudyInstanceUid | null {
  return readStudyInstanceUid(study).uid;
}

/** The checked UID, the value as written (for messages), and why it is unusable if it is. */
export function readStudyInstanceUid(study: unknown): StudyInstanceUidReading {
  const raw = rawStudyInstanceUidOf(study);
  if (raw === null) return { uid: null, raw: null, error: explainMissingUid(study) };
  const uid = parseStudyInstanceUid(stripOidPrefix(raw));
  if (uid === null) return { uid: null, raw, error: `Study Instance UID "${raw}" is not a valid DICOM UID.` };
  return { uid, raw, error: null };
}

/** The UID as written in the resource (still with any "urn:oid:" prefix), or null. */
export function rawStudyInstanceUidOf(study: unknown): string | null {
  const identifier = readRecords(field(study, 'identifier')).find(
    (candidate) => candidate.system === DICOM_UID_IDENTIFIER_SYSTEM && readText(candidate.value) !== null,
  );
  return readText(identifier?.value) ?? readText(field(study, 'uid'));
}

export function stripOidPrefix(value: string): string {
  return value.replace(/^urn:oid:/i, '');
}

/** Names the near miss (e.g. Synthea's "urn:ietf:rfc:3986" system) so the integrator knows what to fix. */
function explainMissingUid(study: unknown): string {
  const identifiers = readRecords(field(study, 'identifier'));
  // The right system with no usable value (null, "", a number…): the value is what is missing.
  const valueless = identifiers.find((candidate) => candidate.system === DICOM_UID_IDENTIFIER_SYSTEM);
  if (valueless) {
    const value = valueless.value;
    const given = value === undefined ? 'no value' : `the value ${JSON.stringify(value) ?? String(value)}`;
    return `No Study Instance UID: the identifier with system "${DICOM_UID_IDENTIFIER_SYSTEM}" has ${given}.`;
  }
  const base = `No Study Instance UID: no identifier has system "${DICOM_UID_IDENTIFIER_SYSTEM}".`;
  const lookalike = identifiers.find((candidate) => /^urn:oid:/i.test(readText(candidate.value) ?? ''));
  if (!lookalike) return base;
  const system = readText(lookalike.system);
  const where = system === null ? 'no system' : `system "${system}"`;
  return `${base.slice(0, -1)} (identifier "${String(lookalike.value)}" has ${where}).`;
}
