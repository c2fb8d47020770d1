import { basename, join, sep } from 'node:path';
import type { DicomFile } from '../pacs/dicom-files.ts';
import { readDicomFiles } from '../pacs/dicom-files.ts';
import { summarizeDicom } from '../pacs/dicom-summary.ts';
import { deterministicUid, rewriteUids } from '../pacs/dicom-uid-rewrite.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import type { StudyInfo } from '../sandbox-info.ts';
import { COLOUR_PATIENT_ID, PHANTOM_PATIENT_ID } from './sandbox-resources.ts';
import type { PacsTarget, StudyPlan, Warn } from './study-loader.ts';
import { loadStudy } from './study-loader.ts';
import { transferSyntaxName } from '../pacs/transfer-syntax-names.ts';
import { rewritePatient, type PatientIdentityOverride } from '../pacs/dicom-patient-rewrite.ts';
import { PROJECT_ROOT } from '../sandbox-options.ts';
import { ensureSyntheticStudies } from './synthetic-ct.ts';
import { ensurePixelEncodingStudy } from './synthetic-pixel-encodings.ts';
import {
  hasPydicomTestFiles,
  isPydicomTestImage,
  PYDICOM_TEST_FILES_DIR,
  pydicomTestImageOrder,
} from './pydicom-test-files.ts';

/**
 * What the DICOM says about the FHIR patients it is filed under (sandbox-resources.ts). Files from
 * other sources are given these, so the viewer's patient-mismatch warning shows only for the study
 * that is meant to trigger it: phantom-ge-head-ct keeps its own de-identified patient ("REMOVED").
 */
export const PHANTOM_DICOM_PATIENT: PatientIdentityOverride = { id: 'PLASTIC', name: 'HEAD' };
const COLOUR_DICOM_PATIENT: PatientIdentityOverride = { id: 'COLOUR', name: 'PRISM^IRIS' };

export function asPatient(file: DicomFile, patient: PatientIdentityOverride, warn: Warn): DicomFile {
  try {
    const bytes = rewritePatient(file.bytes, patient);
    return { ...file, bytes, summary: { ...summarizeDicom(bytes), ...pick(file.summary) } };
  } catch (error) {
    warn(`${file.name} keeps its own patient: ${String(error)}`);
    return file;
  }
}

/** Descriptions the plans set in memory (not in the file) survive the rewrite. */
function pick(summary: DicomFile['summary']): Partial<DicomFile['summary']> {
  return {
    ...(summary.seriesDescription ? { seriesDescription: summary.seriesDescription } : {}),
    ...(summary.seriesNumber !== undefined ? { seriesNumber: summary.seriesNumber } : {}),
  };
}

export const TWO_PACS_STUDY_ID = 'phantom-ct';
/** The Philips localizer series: stored only on pacs-b, so its `series.endpoint` overrides the study's. */
const LOCALIZER_FOLDER = 'S1000';

/** Re-identifies a file with UIDs derived from `seed` (see ../pacs/dicom-uid-rewrite.ts for why in place). */
function withOwnUids(file: DicomFile, seed: string, warn: Warn, studySeed?: string): DicomFile | undefined {
  try {
    const bytes = rewriteUids(file.bytes, {
      ...(studySeed
        ? { studyInstanceUid: (length: number) => deterministicUid(`${studySeed}:study`, length) }
        : {}),
      seriesInstanceUid: (length) => deterministicUid(`${seed}:series`, length),
      sopInstanceUid: (length) => deterministicUid(`${seed}:instance`, length),
    });
    return { name: file.name, bytes, summary: summarizeDicom(bytes) };
  } catch (error) {
    warn(`skipped ${file.name}: cannot give it its own UIDs (${String(error)})`);
    return undefined;
  }
}

const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/\.dcm$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The transfer-syntax samples are one image saved 15 ways with the same UIDs: each file gets its own series
 * (named after its syntax) in one "Transfer syntaxes" study. CT0012 is another image (and shares its study
 * UID with pydicom's eCT_Supplemental), so it gets a study of its own.
 */
function transferSyntaxPlans(files: readonly DicomFile[], warn: Warn): StudyPlan[] {
  const variants = files
    .filter((file) => basename(file.name).startsWith('CTImage'))
    .map((file) =>
      withOwnUids(
        file,
        `sandbox:transfer-syntaxes:${basename(file.name)}`,
        warn,
        'sandbox:transfer-syntaxes',
      ),
    )
    .filter(isDefined)
    .map((file) => asPatient(file, PHANTOM_DICOM_PATIENT, warn))
    .map((own, index) => {
      return {
        ...own,
        summary: {
          ...own.summary,
          // CTImage.dcm is the file the others were made from, in the same syntax as one of them.
          seriesDescription: `${transferSyntaxName(own.summary.transferSyntaxUid)}${basename(own.name) === 'CTImage.dcm' ? ' (original file)' : ''}`,
          seriesNumber: index + 1,
        },
      };
    });
  const fragmented = files
    .filter((file) => !basename(file.name).startsWith('CTImage'))
    .map((file) =>
      withOwnUids(file, `sandbox:fragmented:${basename(file.name)}`, warn, 'sandbox:fragmented-jpeg'),
    )
    .filter(isDefined)
    .map((file) => asPatient(file, PHANTOM_DICOM_PATIENT, warn));
  return [
    {
      id: 'phantom-transfer-syntaxes',
      patientId: PHANTOM_PATIENT_ID,
      files: variants,
      studyPacs: 'a',
      description: 'Transfer syntaxes',
    },
    {
      id: 'phantom-fragmented-jpeg',
      patientId: PHANTOM_PATIENT_ID,
      files: fragmented,
      studyPacs: 'a',
      description: 'Enhanced CT, fragmented JPEG without Basic Offset Table',
    },
  ];
}

/**
 * One study per StudyInstanceUID. pydicom's emri_small*.dcm are one series saved four ways with the same
 * UIDs: a repeated SOP Instance UID gets its own series in the same study so that no file overwrites another.
 */
function colourPlans(files: readonly DicomFile[], warn: Warn): StudyPlan[] {
  const seenSops = new Set<string>();
  const byStudy = new Map<string, DicomFile[]>();
  for (const original of files) {
    const own = seenSops.has(original.summary.sopInstanceUid)
      ? withOwnUids(original, `sandbox:colour:${basename(original.name)}`, warn)
      : original;
    seenSops.add(original.summary.sopInstanceUid);
    if (!own) continue;
    const file = asPatient(own, COLOUR_DICOM_PATIENT, warn);
    const described: DicomFile = {
      ...file,
      summary: {
        ...file.summary,
        seriesDescription:
          file.summary.seriesDescription ??
          `${basename(file.name)} (${transferSyntaxName(file.summary.transferSyntaxUid)})`,
      },
    };
    const uid = described.summary.studyInstanceUid;
    byStudy.set(uid, [...(byStudy.get(uid) ?? []), described]);
  }
  return [...byStudy.values()].map((group) => ({
    id: `colour-${slug(basename(group[0]?.name ?? 'study'))}`,
    patientId: COLOUR_PATIENT_ID,
    files: group,
    studyPacs: 'a',
  }));
}

/**
 * pydicom's own test images (Debian's python3-pydicom), when installed: they reuse UIDs across files, so
 * each gets its own series (named after the file and its syntax) for the colour patient.
 */
function pydicomTestFilePlans(files: readonly DicomFile[], warn: Warn): StudyPlan[] {
  const own = files
    .filter(isPydicomTestImage)
    .sort((a, b) => pydicomTestImageOrder(a) - pydicomTestImageOrder(b))
    .map((file) =>
      withOwnUids(file, `sandbox:pydicom:${basename(file.name)}`, warn, 'sandbox:pydicom-test-files'),
    )
    .filter(isDefined)
    .map((file) => asPatient(file, COLOUR_DICOM_PATIENT, warn))
    .map((file, index) => ({
      ...file,
      summary: {
        ...file.summary,
        seriesDescription: `${basename(file.name)} (${transferSyntaxName(file.summary.transferSyntaxUid)})`,
        seriesNumber: index + 1,
      },
    }));
  // UIDs are rewritten in place (same length), so files whose study UIDs differed in length land in
  // different studies: one ImagingStudy per resulting Study Instance UID.
  const byStudy = new Map<string, DicomFile[]>();
  for (const file of own) {
    const uid = file.summary.studyInstanceUid;
    byStudy.set(uid, [...(byStudy.get(uid) ?? []), file]);
  }
  return [...byStudy.values()].map((group, index) => ({
    id: `colour-pydicom-test-files-${index + 1}`,
    patientId: COLOUR_PATIENT_ID,
    files: group,
    studyPacs: 'a' as const,
    description: `pydicom test images ${index + 1}`,
  }));
}

/**
 * Generated studies (cached under .sandbox/cache): a 300-slice 512×512 CT for benchmarks and long
 * stacks, a MONOCHROME1 radiograph with a known polarity, and one series per pixel encoding (bits,
 * sign, rescale, windows) plus a short stack, for the pixel-value checks. SANDBOX_SYNTHETIC=none leaves them out.
 */
async function syntheticPlans(warn: Warn): Promise<StudyPlan[]> {
  if (process.env.SANDBOX_SYNTHETIC === 'none') return [];
  const cacheDir = join(PROJECT_ROOT, '.sandbox', 'cache');
  const folders = await ensureSyntheticStudies(cacheDir, PHANTOM_DICOM_PATIENT);
  const read = (dir: string) =>
    readDicomFiles(dir, (name, reason) => warn(`skipped synthetic ${name}: ${reason}`));
  return [
    {
      id: 'phantom-synthetic-ct',
      patientId: PHANTOM_PATIENT_ID,
      files: await read(folders.ct),
      studyPacs: 'a',
      description: 'Synthetic CT, 300 slices',
    },
    {
      id: 'phantom-synthetic-cr',
      patientId: PHANTOM_PATIENT_ID,
      files: await read(folders.cr),
      studyPacs: 'b',
      description: 'Synthetic radiograph (MONOCHROME1)',
    },
    {
      id: 'phantom-pixel-encodings',
      patientId: PHANTOM_PATIENT_ID,
      files: await read(await ensurePixelEncodingStudy(cacheDir, PHANTOM_DICOM_PATIENT)),
      studyPacs: 'a',
      description: 'Synthetic pixel encodings (bits, sign, rescale, windows)',
    },
  ];
}

/** Loads the sample DICOM of sandbox/data/dicom into the two PACS and derives their ImagingStudies. */
export async function loadSampleStudies(
  dicomDir: string,
  pacs: Readonly<Record<'a' | 'b', PacsTarget>>,
  store: FhirStore,
  warn: Warn,
): Promise<StudyInfo[]> {
  const read = (folder: string): Promise<DicomFile[]> =>
    readDicomFiles(join(dicomDir, folder), (name, reason) => warn(`skipped ${folder}/${name}: ${reason}`));
  const plans: StudyPlan[] = [
    {
      id: TWO_PACS_STUDY_ID,
      patientId: PHANTOM_PATIENT_ID,
      files: await read('dcm_qa_ct-philips-S21570'),
      studyPacs: 'a',
      pacsOf: (file) => (file.name.split(sep)[0] === LOCALIZER_FOLDER ? 'b' : 'a'),
    },
    {
      id: 'phantom-ge-head-ct',
      patientId: PHANTOM_PATIENT_ID,
      files: await read('dcm_qa_ct-ge-head-tilt'),
      studyPacs: 'a',
    },
    ...transferSyntaxPlans(await read('cornerstone-ctimage-transfer-syntaxes'), warn),
    ...colourPlans(await read('pydicom-data-multiframe-color'), warn),
    ...(await syntheticPlans(warn)),
    ...(hasPydicomTestFiles()
      ? pydicomTestFilePlans(await readDicomFiles(PYDICOM_TEST_FILES_DIR, () => undefined), warn)
      : []),
  ];
  const studies: StudyInfo[] = [];
  for (const plan of plans) {
    try {
      const info = await loadStudy(plan, pacs, store, warn);
      if (info) studies.push(info);
    } catch (error) {
      warn(`ImagingStudy/${plan.id} not loaded: ${String(error)}`);
    }
  }
  return studies;
}
