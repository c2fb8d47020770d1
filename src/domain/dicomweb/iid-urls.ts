/** IHE Invoke Image Display (RAD-106): open a study in the PACS's own viewer. */
import type { DicomWebBaseUrl } from './dicomweb-base-url';
import type { StudyInstanceUid } from './dicom-uid';

export function buildIidStudyUrl(base: DicomWebBaseUrl, study: StudyInstanceUid): string {
  return `${base}?requestType=STUDY&studyUID=${study}`;
}
