import { basename, join } from 'node:path';
import type { Endpoint, ImagingStudy, Patient } from '@medplum/fhirtypes';
import type { DicomFile } from '../pacs/dicom-files.ts';
import { deterministicUid } from '../pacs/dicom-uid-rewrite.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import type { StudyInfo } from '../sandbox-info.ts';
import { endpointId, samplePatient } from './sandbox-resources.ts';
import type { PacsTarget, Warn } from './study-loader.ts';
import { loadStudy } from './study-loader.ts';
import { reidentify } from './reidentify.ts';

/**
 * A patient whose ImagingStudies say as little as FHIR allows, and whose statuses are the awkward
 * ones: what the study list and the viewer must cope with beyond the well-filled samples.
 *
 * - `sparse-no-series`: images on pacs-a, but the ImagingStudy lists no series (nor counts, nor
 *   modality): only a DICOM query (QIDO-RS) can say what is there.
 * - `sparse-no-instances`: its series are listed without instances; it also has an IHE IID endpoint
 *   ("Open in PACS viewer").
 * - `sparse-registered`, `sparse-cancelled`, `sparse-entered-in-error`: the statuses the list treats
 *   specially (no images yet, dimmed, hidden behind a toggle).
 */
export const SPARSE_PATIENT_ID = 'sparse';
export const NO_SERIES_STUDY_ID = 'sparse-no-series';
export const NO_INSTANCES_STUDY_ID = 'sparse-no-instances';
export const IID_ENDPOINT_ID = 'sparse-iid';

const GE_HEAD_FILES = 4;
const CT_IMAGE = 'CTImage.dcm';

export function sparsePatient(): Patient & { id: string } {
  return samplePatient({
    id: SPARSE_PATIENT_ID,
    mrn: 'SPARSE-1',
    family: 'Sparse',
    given: ['Records'],
    gender: 'male',
    birthDate: '1962-02-28',
  });
}

/** The PACS's own viewer (RAD-106 responder). Nothing answers there in the sandbox: only the link is tested. */
export function iidEndpoint(address: string): Endpoint & { id: string } {
  return {
    resourceType: 'Endpoint',
    id: IID_ENDPOINT_ID,
    status: 'active',
    connectionType: {
      system: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type',
      code: 'ihe-iid',
    },
    name: 'Sandbox PACS A viewer (IHE Invoke Image Display)',
    payloadType: [{ text: 'DICOM IID' }],
    address,
  };
}

const minimalStudy = (
  id: string,
  status: ImagingStudy['status'],
  started: string,
  description: string,
): ImagingStudy & { id: string } => ({
  resourceType: 'ImagingStudy',
  id,
  identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${deterministicUid(`sandbox:${id}:study`)}` }],
  status,
  subject: { reference: `Patient/${SPARSE_PATIENT_ID}` },
  started,
  description,
});

export async function loadSparseRecordsPatient(
  dicomDir: string,
  pacs: Readonly<Record<'a' | 'b', PacsTarget>>,
  store: FhirStore,
  readFiles: (dir: string) => Promise<DicomFile[]>,
  iidAddress: string,
  warn: Warn,
): Promise<StudyInfo[]> {
  await store.put(sparsePatient());
  await store.put(iidEndpoint(iidAddress));
  const studies: StudyInfo[] = [];

  // Two series from two sources, so the QIDO fill-in has an order to get right.
  const geHead = (await readFiles(join(dicomDir, 'dcm_qa_ct-ge-head-tilt'))).slice(0, GE_HEAD_FILES);
  const ctImage = (await readFiles(join(dicomDir, 'cornerstone-ctimage-transfer-syntaxes'))).filter(
    (file) => basename(file.name) === CT_IMAGE,
  );
  const noSeriesSeed = `sandbox:${NO_SERIES_STUDY_ID}`;
  const noSeries = await loadStudy(
    {
      id: NO_SERIES_STUDY_ID,
      patientId: SPARSE_PATIENT_ID,
      files: [
        ...geHead.map((file) => reidentify(file, noSeriesSeed, `${noSeriesSeed}:head`)),
        ...ctImage.map((file) => reidentify(file, noSeriesSeed, `${noSeriesSeed}:chest`)),
      ],
      studyPacs: 'a',
      description: 'Series not listed in FHIR (QIDO-RS fills them in)',
    },
    pacs,
    store,
    warn,
  );
  if (noSeries) {
    const stored = (await store.repo.readResource('ImagingStudy', NO_SERIES_STUDY_ID)) as ImagingStudy & {
      id: string;
    };
    // What a minimal server sends: the UID, the endpoint, and nothing about the content.
    const bare: ImagingStudy & { id: string } = { ...stored, started: '2026-10-20T09:30:00Z' };
    delete bare.series;
    delete bare.numberOfSeries;
    delete bare.numberOfInstances;
    delete bare.modality;
    await store.put(bare);
    studies.push(noSeries);
  }

  const noInstancesSeed = `sandbox:${NO_INSTANCES_STUDY_ID}`;
  const noInstances = await loadStudy(
    {
      id: NO_INSTANCES_STUDY_ID,
      patientId: SPARSE_PATIENT_ID,
      files: ctImage.map((file) => reidentify(file, noInstancesSeed, `${noInstancesSeed}:chest`)),
      studyPacs: 'a',
      description: 'Series listed without instances',
    },
    pacs,
    store,
    warn,
  );
  if (noInstances) {
    const stored = (await store.repo.readResource('ImagingStudy', NO_INSTANCES_STUDY_ID)) as ImagingStudy & {
      id: string;
    };
    await store.put({
      ...stored,
      started: '2026-09-14T14:05:00Z',
      endpoint: [...(stored.endpoint ?? []), { reference: `Endpoint/${IID_ENDPOINT_ID}` }],
      series: (stored.series ?? []).map((series) => {
        const listed = { ...series };
        delete listed.instance;
        delete listed.numberOfInstances;
        return listed;
      }),
    });
    studies.push(noInstances);
  }

  const pacsA = { reference: `Endpoint/${endpointId('a')}` };
  await store.put({
    ...minimalStudy(
      'sparse-registered',
      'registered',
      '2026-11-02T08:00:00Z',
      'MR Brain (ordered, not yet done)',
    ),
    modality: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'MR' }],
    endpoint: [pacsA],
  });
  await store.put({
    ...minimalStudy('sparse-cancelled', 'cancelled', '2026-06-01T10:00:00Z', 'US Abdomen (cancelled)'),
    modality: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'US' }],
  });
  await store.put({
    ...minimalStudy(
      'sparse-entered-in-error',
      'entered-in-error',
      '2026-05-05T12:00:00Z',
      'CT Chest (wrong patient)',
    ),
    modality: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' }],
  });
  return studies;
}
