/**
 * Cornerstone image ids: the loader scheme ("wadors:") in front of the URL the loader fetches. Built
 * here, from branded inputs, so rendering code never assembles URLs itself.
 */
import type { DicomWebBaseUrl } from './dicomweb-base-url';
import type { SeriesInstanceUid, SopInstanceUid, StudyInstanceUid } from './dicom-uid';
import type { FrameNumber } from './frame-number';
import { buildWadoRsFrameUrl } from './wado-rs-urls';
import { buildWadoUriDicomUrl } from './wado-uri-urls';

export function buildWadoRsImageId(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
  instance: SopInstanceUid,
  frame: FrameNumber,
): string {
  return `wadors:${buildWadoRsFrameUrl(base, study, series, instance, frame)}`;
}

/**
 * A whole instance over WADO-URI (`wadouri:`): the app's loader fetches the DICOM object through the
 * imaging door and Cornerstone decodes its first frame. Built from the instance's WADO-URI URL, which
 * the study model made from checked UIDs.
 */
export function buildWadoUriImageId(instanceUrl: string): string {
  return `wadouri:${buildWadoUriDicomUrl(instanceUrl)}`;
}
