/**
 * WADO-RS retrieve URLs (DICOM PS3.18 §10.4). Inputs are branded, so every UID here has been checked
 * and the base has no query, fragment or trailing slash: plain concatenation is then safe and keeps
 * the result character for character what the standard shows.
 */
import type { DicomWebBaseUrl } from './dicomweb-base-url';
import type { SeriesInstanceUid, SopInstanceUid, StudyInstanceUid } from './dicom-uid';
import type { FrameNumber } from './frame-number';

export function buildWadoRsStudyUrl(base: DicomWebBaseUrl, study: StudyInstanceUid): string {
  return `${base}/studies/${study}`;
}

export function buildWadoRsSeriesUrl(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
): string {
  return `${buildWadoRsStudyUrl(base, study)}/series/${series}`;
}

export function buildWadoRsSeriesMetadataUrl(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
): string {
  return `${buildWadoRsSeriesUrl(base, study, series)}/metadata`;
}

export function buildWadoRsInstanceUrl(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
  instance: SopInstanceUid,
): string {
  return `${buildWadoRsSeriesUrl(base, study, series)}/instances/${instance}`;
}

export function buildWadoRsInstanceMetadataUrl(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
  instance: SopInstanceUid,
): string {
  return `${buildWadoRsInstanceUrl(base, study, series, instance)}/metadata`;
}

export function buildWadoRsFrameUrl(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
  instance: SopInstanceUid,
  frame: FrameNumber,
): string {
  return buildWadoRsFramesUrl(base, study, series, instance, [frame]);
}

/** Several frames in one request ("frames/1,2,3"); the tuple type forbids an empty list. */
export function buildWadoRsFramesUrl(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
  instance: SopInstanceUid,
  frames: readonly [FrameNumber, ...FrameNumber[]],
): string {
  return `${buildWadoRsInstanceUrl(base, study, series, instance)}/frames/${frames.join(',')}`;
}
