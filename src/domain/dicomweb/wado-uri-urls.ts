/**
 * WADO-URI (DICOM PS3.18 §9). The base is guaranteed query-free, so "?" always starts the query, and
 * UIDs are digits and dots, so they need no percent-encoding.
 */
import type { DicomWebBaseUrl } from './dicomweb-base-url';
import type { SeriesInstanceUid, SopInstanceUid, StudyInstanceUid } from './dicom-uid';

export function buildWadoUriInstanceUrl(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
  instance: SopInstanceUid,
): string {
  return `${base}?requestType=WADO&studyUID=${study}&seriesUID=${series}&objectUID=${instance}`;
}
