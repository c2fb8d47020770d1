import { join } from 'node:path';
import { readDicomFiles } from '../pacs/dicom-files.ts';
import type { DicomFile } from '../pacs/dicom-files.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import { loadDocumentsPatient } from './documents-patient.ts';
import { loadFhirVersionsPatient } from './fhir-versions-patient.ts';
import { loadGeneratedPatient } from './generated-patient.ts';
import { loadHostileRecordsPatient } from './hostile-records-patient.ts';
import type { StudyInfo } from '../sandbox-info.ts';
import { loadSparseRecordsPatient } from './sparse-records-patient.ts';
import type { PacsTarget, Warn } from './study-loader.ts';
import { loadWadoUriStudy } from './wado-uri-study.ts';

/**
 * The patients the study list and deep links are tested against: one with 1,000 studies (scale), one
 * whose studies say too little (QIDO-RS fill-in, statuses, an IID endpoint) and one whose records are
 * hostile text and odd values (no pixels), and one whose studies are written as STU3, the drafts and
 * R5 write them (with availability), and one whose study holds key objects, an SR, a PDF and a
 * presentation state besides its images; and the phantom's study that only WADO-URI serves.
 */
export async function loadStudyListPatients(
  dicomDir: string,
  pacs: Readonly<Record<'a' | 'b', PacsTarget>>,
  store: FhirStore,
  iidAddress: string,
  warn: Warn,
): Promise<StudyInfo[]> {
  const cache = new Map<string, Promise<DicomFile[]>>();
  const readFiles = (dir: string): Promise<DicomFile[]> => {
    let files = cache.get(dir);
    if (!files) {
      files = readDicomFiles(dir, (name, reason) => warn(`skipped ${name}: ${reason}`));
      cache.set(dir, files);
    }
    return files;
  };
  await loadHostileRecordsPatient(store);
  return [
    ...(await loadSparseRecordsPatient(dicomDir, pacs, store, readFiles, iidAddress, warn)),
    ...(await loadFhirVersionsPatient(dicomDir, pacs, store, readFiles, warn)),
    ...(await loadDocumentsPatient(dicomDir, pacs, store, readFiles, warn)),
    ...(await loadWadoUriStudy(dicomDir, pacs, store, readFiles, warn)),
    ...(await loadGeneratedPatient(
      join(dicomDir, 'cornerstone-ctimage-transfer-syntaxes'),
      pacs,
      store,
      readFiles,
      warn,
    )),
  ];
}
