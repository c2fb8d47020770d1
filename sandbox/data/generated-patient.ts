import { basename } from 'node:path';
import type { ImagingStudy, Patient } from '@medplum/fhirtypes';
import type { DicomFile } from '../pacs/dicom-files.ts';
import { summarizeDicom } from '../pacs/dicom-summary.ts';
import { deterministicUid, rewriteUids } from '../pacs/dicom-uid-rewrite.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import type { StudyInfo } from '../sandbox-info.ts';
import { samplePatient } from './sandbox-resources.ts';
import type { PacsTarget, Warn } from './study-loader.ts';
import { loadStudy } from './study-loader.ts';

/**
 * A patient with a long imaging history: 1,000 ImagingStudies, the scale at which a list must page,
 * virtualise and load previews lazily. Deterministic (same resources every run), so tests and the
 * bench can compare against the FHIR server.
 *
 * Most studies have no Endpoint: like the archived decades of a real record, they are known to the EHR
 * but no image server is linked, and the list must say so per row. Every `IMAGE_EVERY`th study has real
 * pixels on pacs-a (one image re-identified under the study's own UIDs), so scrolling loads real
 * previews through Cornerstone without making the sandbox start slowly.
 */
export const GENERATED_PATIENT_ID = 'generated';
export const GENERATED_STUDY_COUNT = 1000;
const IMAGE_EVERY = 25;
/** A small single-frame CT (JPEG-LS lossless, 166 KB): cheap to store 40 times. */
const PREVIEW_FILE = 'CTImage.dcm_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm';

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const MODALITIES = ['CT', 'MR', 'DX', 'US', 'MG', 'NM', 'PT', 'XA', 'CR'] as const;
const BODY_SITES = [
  { code: '69536005', display: 'Head' },
  { code: '51185008', display: 'Chest' },
  { code: '818983003', display: 'Abdomen' },
  { code: '72696002', display: 'Knee' },
  { code: '76752008', display: 'Breast' },
  { code: '421060004', display: 'Spine' },
] as const;
const REFERRERS = ['Dr. Ada Lovelace', 'Dr. Rosalind Franklin', 'Dr. Wilhelm Röntgen', 'Dr. Marie Curie'];
const DAY_MS = 86_400_000;
/** The newest study's day: fixed, so the data do not drift with the calendar. */
const NEWEST = Date.UTC(2026, 9, 30, 8, 15);

export function generatedPatient(): Patient & { id: string } {
  return samplePatient({
    id: GENERATED_PATIENT_ID,
    mrn: 'GEN-1000',
    family: 'Longhistory',
    given: ['Morgan'],
    gender: 'other',
    birthDate: '1950-06-15',
  });
}

export function generatedStudyUid(index: number): string {
  return deterministicUid(`sandbox:generated:${index}:study`);
}

export function generatedStudyId(index: number): string {
  return `gen-${String(index).padStart(4, '0')}`;
}

/** The status mix of a real archive: mostly available, a few cancelled, registered, and mistakes. */
export function generatedStatus(index: number): ImagingStudy['status'] {
  if (index % 50 === 7) return 'entered-in-error';
  if (index % 40 === 3) return 'cancelled';
  if (index % 60 === 11) return 'registered';
  return 'available';
}

/** Index `i` of the study, newest first: the server order under `_sort=-started`. */
export function generatedImagingStudy(index: number): ImagingStudy & { id: string } {
  const modality = MODALITIES[index % MODALITIES.length] ?? 'CT';
  const site = BODY_SITES[index % BODY_SITES.length] ?? BODY_SITES[0];
  // Roughly a study a week back over two decades, at varied times of day.
  const started = new Date(NEWEST - index * 7 * DAY_MS - ((index * 97) % 600) * 60_000);
  const seriesCount = 1 + (index % 3);
  const withProcedureOnly = index % 9 === 4;
  const listsSeries = index % 3 === 0;
  return {
    resourceType: 'ImagingStudy',
    id: generatedStudyId(index),
    identifier: [
      { system: 'urn:dicom:uid', value: `urn:oid:${generatedStudyUid(index)}` },
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN' }] },
        value: `GEN${String(index).padStart(6, '0')}`,
      },
    ],
    status: generatedStatus(index),
    subject: { reference: `Patient/${GENERATED_PATIENT_ID}` },
    // Every 97th study has lost its date: the list must still place and filter it sensibly.
    ...(index % 97 === 50 ? {} : { started: started.toISOString().replace('.000Z', 'Z') }),
    referrer: { display: REFERRERS[index % REFERRERS.length] ?? 'Dr. Unknown' },
    // Half the studies name their modality only on the series, as many servers do.
    ...(listsSeries ? {} : { modality: [{ system: DCM, code: modality }] }),
    procedureCode: [
      {
        coding: [
          {
            system: LOINC,
            code: `GEN-${modality}-${site.code}`,
            display: `${modality} ${site.display} routine`,
          },
        ],
      },
    ],
    ...(withProcedureOnly ? {} : { description: `${modality} ${site.display} #${index}` }),
    numberOfSeries: seriesCount,
    numberOfInstances: seriesCount * 20,
    ...(listsSeries
      ? {
          series: Array.from({ length: seriesCount }, (_, series) => ({
            uid: deterministicUid(`sandbox:generated:${index}:series:${series}`),
            number: series + 1,
            modality: { system: DCM, code: modality },
            bodySite: { system: SNOMED, code: site.code, display: site.display },
            numberOfInstances: 20,
          })),
        }
      : {}),
  };
}

export function hasGeneratedImages(index: number): boolean {
  return index % IMAGE_EVERY === 0 && generatedStatus(index) === 'available';
}

/**
 * Stores the patient and its studies; the studies with images get their re-identified file on
 * pacs-a first, and their ImagingStudy then describes exactly what was stored (loadStudy).
 */
export async function loadGeneratedPatient(
  transferSyntaxDir: string,
  pacs: Readonly<Record<'a' | 'b', PacsTarget>>,
  store: FhirStore,
  readFiles: (dir: string) => Promise<DicomFile[]>,
  warn: Warn,
): Promise<StudyInfo[]> {
  await store.put(generatedPatient());
  const preview = (await readFiles(transferSyntaxDir)).find((file) => basename(file.name) === PREVIEW_FILE);
  if (!preview) warn(`${PREVIEW_FILE} not found: the generated patient has no images`);
  const studies: StudyInfo[] = [];
  for (let index = 0; index < GENERATED_STUDY_COUNT; index += 1) {
    const study = generatedImagingStudy(index);
    if (preview && hasGeneratedImages(index)) {
      const bytes = rewriteUids(preview.bytes, {
        studyInstanceUid: () => generatedStudyUid(index),
        seriesInstanceUid: (length) => deterministicUid(`sandbox:generated:${index}:image-series`, length),
        sopInstanceUid: (length) => deterministicUid(`sandbox:generated:${index}:image`, length),
      });
      const info = await loadStudy(
        {
          id: study.id,
          patientId: GENERATED_PATIENT_ID,
          files: [{ name: `${study.id}.dcm`, bytes, summary: summarizeDicom(bytes) }],
          studyPacs: 'a',
          ...(study.description ? { description: study.description } : {}),
        },
        pacs,
        store,
        warn,
      );
      if (info) {
        studies.push(info);
        // loadStudy wrote what the DICOM says of its series; the generated identity, date, status and
        // codes stay (the file's own accession and 2001 date belong to another patient's history).
        const stored = (await store.repo.readResource('ImagingStudy', study.id)) as ImagingStudy & {
          id: string;
        };
        await store.put({
          ...study,
          endpoint: stored.endpoint ?? [],
          series: stored.series ?? [],
          modality: stored.modality ?? [],
          numberOfSeries: stored.numberOfSeries ?? 0,
          numberOfInstances: stored.numberOfInstances ?? 0,
        });
        continue;
      }
    }
    await store.put(study);
  }
  return studies;
}
