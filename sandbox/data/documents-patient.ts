import { join } from 'node:path';
import type { Patient } from '@medplum/fhirtypes';
import type { DicomFile } from '../pacs/dicom-files.ts';
import { summarizeDicom } from '../pacs/dicom-summary.ts';
import { syntheticObjects } from '../pacs/synthetic-objects.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import type { StudyInfo } from '../sandbox-info.ts';
import { samplePatient } from './sandbox-resources.ts';
import type { PacsTarget, Warn } from './study-loader.ts';
import { loadStudy } from './study-loader.ts';
import { reidentify } from './reidentify.ts';

/**
 * A study with every kind of object a study holds besides images: six slices of the de-identified GE
 * head CT (its DICOM patient is PatientID QMNx85rKkkg, name REMOVED, which this FHIR patient matches),
 * and, generated (pacs/synthetic-objects.ts): a Key Object Selection flagging the first two slices
 * "For Report Attachment", a Comprehensive SR, an Encapsulated PDF and a Grayscale Presentation State.
 */
export const DOCUMENTS_PATIENT_ID = 'documents';
export const DOCUMENTS_STUDY_ID = 'documents-ct';
export const KEY_IMAGES = 2;
const SLICES = 6;

export function documentsPatient(): Patient & { id: string } {
  return samplePatient({
    id: DOCUMENTS_PATIENT_ID,
    mrn: 'QMNx85rKkkg',
    family: 'Removed',
    given: ['Documents'],
    gender: 'unknown',
  });
}

export async function loadDocumentsPatient(
  dicomDir: string,
  pacs: Readonly<Record<'a' | 'b', PacsTarget>>,
  store: FhirStore,
  readFiles: (dir: string) => Promise<DicomFile[]>,
  warn: Warn,
): Promise<StudyInfo[]> {
  await store.put(documentsPatient());
  const seed = `sandbox:${DOCUMENTS_STUDY_ID}`;
  const slices = (await readFiles(join(dicomDir, 'dcm_qa_ct-ge-head-tilt')))
    .slice(0, SLICES)
    .map((file) => reidentify(file, seed, `${seed}:head`));
  const objects = syntheticObjects({
    seed,
    images: slices.map((slice) => slice.summary),
    keyImages: KEY_IMAGES,
  }).map((object) => ({ ...object, summary: summarizeDicom(object.bytes) }));
  const study = await loadStudy(
    {
      id: DOCUMENTS_STUDY_ID,
      patientId: DOCUMENTS_PATIENT_ID,
      files: [...slices, ...objects],
      studyPacs: 'a',
      description: 'CT Head with key images, SR, PDF and a presentation state',
    },
    pacs,
    store,
    warn,
  );
  return study ? [study] : [];
}
