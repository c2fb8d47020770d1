/**
 * QIDO-RS search URLs (DICOM PS3.18 §10.6) scoped to one study or series. The app uses them to list
 * the series and instances of a study whose ImagingStudy names none. QIDO shares the WADO-RS base
 * ("Studies Service"), so the same checked base URL is used.
 */
import type { DicomWebBaseUrl } from './dicomweb-base-url';
import type { SeriesInstanceUid, StudyInstanceUid } from './dicom-uid';

export function buildQidoRsSeriesUrl(base: DicomWebBaseUrl, study: StudyInstanceUid): string {
  return `${base}/studies/${study}/series`;
}

export function buildQidoRsInstancesUrl(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
): string {
  return `${base}/studies/${study}/series/${series}/instances`;
}
