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
  return `${buildWadoUriSeriesQuery(base, study, series)}&objectUID=${instance}`;
}

/** The instance URL without its object: names the series on that server (its identity, series-key.ts). */
export function buildWadoUriSeriesQuery(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
): string {
  return `${base}?requestType=WADO&studyUID=${study}&seriesUID=${series}`;
}

/**
 * What the viewer asks a WADO-URI server for: the DICOM object itself (PS3.18 §9.1.2.1.5
 * `contentType=application/dicom`; the default would be a rendered JPEG). The slash stays literal:
 * it is allowed in a query, and some servers (Orthanc) do not decode `%2F` there.
 */
export function buildWadoUriDicomUrl(instanceUrl: string): string {
  return `${instanceUrl}&contentType=application/dicom`;
}
