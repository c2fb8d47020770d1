import type { DicomFile } from '../pacs/dicom-files.ts';
import { summarizeDicom } from '../pacs/dicom-summary.ts';
import { deterministicUid, rewriteUids } from '../pacs/dicom-uid-rewrite.ts';

/**
 * A copy of a sample file as an instance of another study and series: its UIDs derived from the seeds
 * (the same seeds give the same UIDs at every start), so one file can serve several sandbox studies.
 */
export function reidentify(file: DicomFile, studySeed: string, seriesSeed: string): DicomFile {
  const bytes = rewriteUids(file.bytes, {
    studyInstanceUid: (length) => deterministicUid(`${studySeed}:study`, length),
    seriesInstanceUid: (length) => deterministicUid(`${seriesSeed}:series`, length),
    sopInstanceUid: (length) => deterministicUid(`${seriesSeed}:${file.name}:instance`, length),
  });
  return { name: file.name, bytes, summary: summarizeDicom(bytes) };
}
