import type { Patient } from '@medplum/fhirtypes';
import type { DicomFile } from '../pacs/dicom-files.ts';
import type { DicomInstanceSummary } from '../pacs/dicom-summary.ts';
import { deterministicUid } from '../pacs/dicom-uid-rewrite.ts';
import { grayscaleImageModule, writePart10 } from '../pacs/synthetic-dicom.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import type { StudyInfo } from '../sandbox-info.ts';
import { samplePatient } from './sandbox-resources.ts';
import type { PacsTarget, Warn } from './study-loader.ts';
import { loadStudy } from './study-loader.ts';

/**
 * A patient with one study of 2,000 series (one 64×64 image each): the scale at which the viewer's
 * series panel must virtualise and fetch series metadata on demand. On a patient of its own, so the
 * other patients' lists and tests do not change. Generated in memory at start-up (a few hundred
 * milliseconds; the upload into Orthanc is what costs, see sandbox/README.md).
 */
export const MANY_SERIES_PATIENT_ID = 'many-series';
export const MANY_SERIES_STUDY_ID = 'many-series-study';
export const MANY_SERIES_COUNT = 2000;
const VERSION = 'v1';
const SIZE = 64;
const DICOM_PATIENT = { id: 'MANY-2000', name: 'MANYSERIES^SAM' } as const;

export function manySeriesPatient(): Patient & { id: string } {
  return samplePatient({
    id: MANY_SERIES_PATIENT_ID,
    mrn: DICOM_PATIENT.id,
    family: 'Manyseries',
    given: ['Sam'],
    gender: 'unknown',
  });
}

const uid = (what: string) => deterministicUid(`sandbox:many-series:${VERSION}:${what}`, 64);

/**
 * Image `index`: a ramp with a bright bar whose row follows the series number, so neighbouring
 * thumbnails differ and a test can tell one series' pixels from another's.
 */
function pixels(index: number): Uint8Array {
  const values = new Uint16Array(SIZE * SIZE);
  const bar = 4 + (index % (SIZE - 8));
  for (let y = 0; y < SIZE; y += 1)
    for (let x = 0; x < SIZE; x += 1) values[y * SIZE + x] = Math.abs(y - bar) < 2 ? 4000 : 500 + 16 * x;
  return new Uint8Array(values.buffer);
}

/** One series' only instance, with its summary written beside it (no need to parse our own bytes). */
export function manySeriesFile(index: number): DicomFile {
  const number = index + 1;
  const summary: DicomInstanceSummary = {
    studyInstanceUid: uid('study'),
    seriesInstanceUid: uid(`series:${index}`),
    sopInstanceUid: uid(`instance:${index}`),
    sopClassUid: '1.2.840.10008.5.1.4.1.1.7',
    transferSyntaxUid: '1.2.840.10008.1.2.1',
    modality: 'OT',
    studyDate: '20260201',
    studyTime: '090000',
    studyDescription: `Synthetic study, ${MANY_SERIES_COUNT} series`,
    seriesDescription: `Series ${number} of ${MANY_SERIES_COUNT}`,
    seriesNumber: number,
    instanceNumber: 1,
    accessionNumber: 'MANY2000',
    patientId: DICOM_PATIENT.id,
    patientName: DICOM_PATIENT.name,
  };
  const bytes = writePart10({
    '00080016': { vr: 'UI', value: summary.sopClassUid },
    '00080018': { vr: 'UI', value: summary.sopInstanceUid },
    '00080020': { vr: 'DA', value: '20260201' },
    '00080030': { vr: 'TM', value: '090000' },
    '00080050': { vr: 'SH', value: 'MANY2000' },
    '00080060': { vr: 'CS', value: 'OT' },
    '00081030': { vr: 'LO', value: summary.studyDescription ?? '' },
    '0008103E': { vr: 'LO', value: summary.seriesDescription ?? '' },
    '00100010': { vr: 'PN', value: DICOM_PATIENT.name },
    '00100020': { vr: 'LO', value: DICOM_PATIENT.id },
    '0020000D': { vr: 'UI', value: summary.studyInstanceUid },
    '0020000E': { vr: 'UI', value: summary.seriesInstanceUid },
    '00200011': { vr: 'IS', value: String(number) },
    '00200013': { vr: 'IS', value: '1' },
    ...grayscaleImageModule({
      size: SIZE,
      photometric: 'MONOCHROME2',
      bitsStored: 12,
      window: { center: 2048, width: 4096 },
    }),
    '7FE00010': { vr: 'OW', value: pixels(index) },
  });
  return { name: `many-series-${String(number).padStart(4, '0')}.dcm`, bytes, summary };
}

/** Stores the patient, uploads the 2,000 images to pacs-a and describes what was stored in FHIR. */
export async function loadManySeriesPatient(
  pacs: Readonly<Record<'a' | 'b', PacsTarget>>,
  store: FhirStore,
  warn: Warn,
): Promise<StudyInfo[]> {
  await store.put(manySeriesPatient());
  const files = Array.from({ length: MANY_SERIES_COUNT }, (_, index) => manySeriesFile(index));
  const info = await loadStudy(
    {
      id: MANY_SERIES_STUDY_ID,
      patientId: MANY_SERIES_PATIENT_ID,
      files,
      studyPacs: 'a',
      description: `Synthetic study, ${MANY_SERIES_COUNT} series`,
    },
    pacs,
    store,
    warn,
  );
  return info ? [info] : [];
}
