import { basename, join, sep } from 'node:path';
import type { DicomFile } from './dicom-files.ts';
import { readDicomFiles } from './dicom-files.ts';
import { summarizeDicom } from './dicom-summary.ts';
import { deterministicUid, rewriteUids } from './dicom-uid-rewrite.ts';
import type { FhirStore } from './fhir-store.ts';
import type { StudyInfo } from './sandbox-info.ts';
import { COLOUR_PATIENT_ID, PHANTOM_PATIENT_ID } from './sandbox-resources.ts';
import type { PacsTarget, StudyPlan, Warn } from './study-loader.ts';
import { loadStudy } from './study-loader.ts';
import { transferSyntaxName } from './transfer-syntax-names.ts';

export const TWO_PACS_STUDY_ID = 'phantom-ct';
/** The Philips localizer series: stored only on pacs-b, so its `series.endpoint` overrides the study's. */
const LOCALIZER_FOLDER = 'S1000';

/** Re-identifies a file with UIDs derived from `seed` (see dicom-uid-rewrite.ts for why in place). */
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
    .filter(isDefined);
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
    const file = seenSops.has(original.summary.sopInstanceUid)
      ? withOwnUids(original, `sandbox:colour:${basename(original.name)}`, warn)
      : original;
    seenSops.add(original.summary.sopInstanceUid);
    if (!file) continue;
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

/** Loads the sample DICOM of e2e/sandbox/data/dicom into the two PACS and derives their ImagingStudies. */
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
