/**
 * DICOM UIDs (PS3.5 §9.1): dot-separated numeric components, at most 64 characters. The brands make
 * "checked" visible to the compiler: only the parsers below mint them, and every URL builder demands
 * them, so a raw string from FHIR cannot reach a URL without passing the check.
 */
declare const uidBrand: unique symbol;

type Uid<Kind extends string> = string & { readonly [uidBrand]: Kind };

export type StudyInstanceUid = Uid<'StudyInstanceUid'>;
export type SeriesInstanceUid = Uid<'SeriesInstanceUid'>;
export type SopInstanceUid = Uid<'SopInstanceUid'>;

/** The UID grammar, as the brief states it. Leading zeros are tolerated: PACS emit them in the wild. */
export const DICOM_UID_PATTERN = /^[0-9]+(\.[0-9]+)*$/;
export const DICOM_UID_MAX_LENGTH = 64;

export function isDicomUid(raw: unknown): raw is string {
  return (
    typeof raw === 'string' &&
    raw.length >= 1 &&
    raw.length <= DICOM_UID_MAX_LENGTH &&
    DICOM_UID_PATTERN.test(raw)
  );
}

export function parseStudyInstanceUid(raw: unknown): StudyInstanceUid | null {
  return isDicomUid(raw) ? (raw as StudyInstanceUid) : null;
}

export function parseSeriesInstanceUid(raw: unknown): SeriesInstanceUid | null {
  return isDicomUid(raw) ? (raw as SeriesInstanceUid) : null;
}

export function parseSopInstanceUid(raw: unknown): SopInstanceUid | null {
  return isDicomUid(raw) ? (raw as SopInstanceUid) : null;
}
