import { createHash } from 'node:crypto';
import type { ImagingStudy, Patient } from '@medplum/fhirtypes';
import type { DicomFile } from '../pacs/dicom-files.ts';
import { readDicomFiles } from '../pacs/dicom-files.ts';
import { dicomUidIdentifierValue } from '../pacs/dicom-to-imaging-study.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import { loadFhirFolder } from './load-fixtures.ts';
import { Operator } from '../fhir/medplum.ts';
import type { StudyInfo } from '../sandbox-info.ts';
import { mrnIdentifier } from './sandbox-resources.ts';
import { uploadInstance } from '../pacs/orthanc-process.ts';
import type { PacsTarget, Warn } from './study-loader.ts';
import { loadStudy } from './study-loader.ts';

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** DICOM PN "Family^Given^Middle^Prefix^Suffix" → FHIR HumanName. */
function humanNameOf(personName: string | undefined): NonNullable<Patient['name']>[number] {
  const [family, given, middle, prefix, suffix] = (personName ?? '').split('^');
  return {
    ...(family ? { family } : {}),
    ...(given || middle ? { given: [given, middle].filter((g): g is string => Boolean(g)) } : {}),
    ...(prefix ? { prefix: [prefix] } : {}),
    ...(suffix ? { suffix: [suffix] } : {}),
    text: (personName ?? '').replaceAll('^', ' ').trim() || 'Unknown',
  };
}

/** The Patient whose MRN is the DICOM PatientID, created when the folder's FHIR had none. */
async function patientForDicom(store: FhirStore, file: DicomFile): Promise<string> {
  const patientId = file.summary.patientId ?? 'unknown';
  const matches = await store.repo.searchResources<Patient>({
    resourceType: 'Patient',
    filters: [{ code: 'identifier', operator: Operator.EQUALS, value: patientId }],
  });
  const existing = matches[0];
  if (existing) return existing.id;
  const id = `dicom-${shortHash(patientId)}`;
  await store.put({
    resourceType: 'Patient',
    id,
    identifier: [mrnIdentifier(patientId)],
    name: [humanNameOf(file.summary.patientName)],
  });
  return id;
}

/**
 * `SANDBOX_DATA=DIR`: a folder of one's own. Every FHIR JSON file goes into the FHIR server and every DICOM
 * file into pacs-a; DICOM studies that no ImagingStudy describes (by Study Instance UID) get one derived
 * from the DICOM, for the Patient whose MRN is the DICOM PatientID.
 */
export async function loadOwnData(
  dir: string,
  pacs: Readonly<Record<'a' | 'b', PacsTarget>>,
  store: FhirStore,
  warn: Warn,
): Promise<StudyInfo[]> {
  await loadFhirFolder(dir, store, warn);
  const files = await readDicomFiles(dir, (name, reason) => warn(`skipped ${name}: ${reason}`));
  const byStudy = new Map<string, DicomFile[]>();
  for (const file of files) {
    const uid = file.summary.studyInstanceUid;
    byStudy.set(uid, [...(byStudy.get(uid) ?? []), file]);
  }
  const studies: StudyInfo[] = [];
  for (const [uid, group] of byStudy) {
    const first = group[0];
    if (!first) continue;
    const described = await store.repo.searchResources<ImagingStudy>({
      resourceType: 'ImagingStudy',
      filters: [
        {
          code: 'identifier',
          operator: Operator.EQUALS,
          value: `urn:dicom:uid|${dicomUidIdentifierValue(uid)}`,
        },
      ],
    });
    if (described.length > 0) {
      // The folder's own FHIR describes this study: just store the images.
      await loadStudyFilesOnly(group, pacs.a, warn);
      continue;
    }
    const info = await loadStudy(
      {
        id: `dicom-${shortHash(uid)}`,
        patientId: await patientForDicom(store, first),
        files: group,
        studyPacs: 'a',
      },
      pacs,
      store,
      warn,
    );
    if (info) studies.push(info);
  }
  return studies;
}

async function loadStudyFilesOnly(files: readonly DicomFile[], pacs: PacsTarget, warn: Warn): Promise<void> {
  for (const file of files) {
    const result = await uploadInstance(pacs.restUrl, file.bytes);
    if (!result.ok) warn(`PACS rejected ${file.name}: ${result.reason}`);
  }
}
