import type { DicomStudyGroup } from '@/domain/dicom-files/group-dicom-files';
import { buildImagingStudyBundle } from '@/domain/dicom-files/imaging-study-bundle';

/**
 * "Save as FHIR": the studies as an R4 Bundle (type `collection`), downloaded as JSON. Nothing is
 * sent: the file goes to the user's downloads, and nothing is written to the EHR.
 */
export function saveAsFhir(
  groups: readonly DicomStudyGroup[],
  options: { subject: string | null; encounter: string | null },
): void {
  const bundle = buildImagingStudyBundle(groups, options);
  const blob = new Blob([`${JSON.stringify(bundle, null, 2)}\n`], { type: 'application/fhir+json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'imaging-studies.json';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
