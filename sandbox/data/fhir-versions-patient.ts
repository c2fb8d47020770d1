import { basename, join } from 'node:path';
import type { Endpoint, ImagingStudy, Patient } from '@medplum/fhirtypes';
import type { DicomFile } from '../pacs/dicom-files.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import type { StudyInfo } from '../sandbox-info.ts';
import { endpointId, samplePatient } from './sandbox-resources.ts';
import type { PacsTarget, Warn } from './study-loader.ts';
import { loadStudy } from './study-loader.ts';
import { reidentify } from './reidentify.ts';

/**
 * A patient whose ImagingStudies are written as other FHIR versions write them, on real images in
 * pacs-a: what an older or newer EHR sends. The in-memory server is R4 and stores them as given; they
 * keep R4's `subject` so that `ImagingStudy?patient=` finds them (as the 3.x drafts did).
 *
 * - `versions-draft`: the STU3/draft shape: `uid`, series and instance `uid` as `urn:oid:`, `sopClass`
 *   an oid string, `modalityList`, `context`, `accession`, `availability`, and an Endpoint whose
 *   connection type uses STU3's system `http://hl7.org/fhir/endpoint-connection-type`.
 * - `versions-r5`: R5: modalities as CodeableConcepts, `procedure` and `series.bodySite` as
 *   CodeableReferences, an Endpoint whose `connectionType` is a list of CodeableConcepts.
 * - `versions-availability`: draft-shaped, three series ONLINE, NEARLINE and OFFLINE.
 * - `versions-offline`: draft-shaped, the whole study OFFLINE (its images are in the PACS all the
 *   same: the viewer must not ask for them).
 */
export const VERSIONS_PATIENT_ID = 'versions';
export const DRAFT_STUDY_ID = 'versions-draft';
export const R5_STUDY_ID = 'versions-r5';
export const AVAILABILITY_STUDY_ID = 'versions-availability';
export const OFFLINE_STUDY_ID = 'versions-offline';
export const STU3_ENDPOINT_ID = 'versions-pacs-a-stu3';
export const R5_ENDPOINT_ID = 'versions-pacs-a-r5';

const GE_HEAD_FILES = 4;
const CT_IMAGE = 'CTImage.dcm';

export function versionsPatient(): Patient & { id: string } {
  return samplePatient({
    id: VERSIONS_PATIENT_ID,
    mrn: 'VERSIONS-1',
    family: 'Versions',
    given: ['Fhir'],
    gender: 'female',
    birthDate: '1958-07-19',
  });
}

type Study = ImagingStudy & { id: string };
type Json = Record<string, unknown>;

const oid = (uid: string) => (uid.startsWith('urn:oid:') ? uid : `urn:oid:${uid}`);

/** An R4 study rewritten in the STU3/draft shape (see the file comment). */
function toDraftShape(study: Study, extra: Json): Json {
  const { identifier, modality, encounter, ...rest } = study;
  const uid = identifier?.find((item) => item.system === 'urn:dicom:uid')?.value ?? '';
  const accession = identifier?.find((item) => item.type?.coding?.some((coding) => coding.code === 'ACSN'));
  return {
    ...rest,
    uid: oid(uid),
    ...(accession ? { accession: { value: accession.value } } : {}),
    modalityList: modality,
    ...(encounter ? { context: encounter } : {}),
    endpoint: [{ reference: `Endpoint/${STU3_ENDPOINT_ID}` }],
    series: (study.series ?? []).map((series) => ({
      ...series,
      uid: oid(series.uid),
      instance: (series.instance ?? []).map((instance) => ({
        ...instance,
        uid: oid(instance.uid),
        sopClass: instance.sopClass.code,
      })),
    })),
    ...extra,
  };
}

function toR5Shape(study: Study): Json {
  return {
    ...study,
    modality: (study.modality ?? []).map((coding) => ({ coding: [coding] })),
    procedure: [
      { concept: { coding: [{ system: 'http://www.radlex.org', code: 'RPID16', display: 'CT Chest' }] } },
    ],
    endpoint: [{ reference: `Endpoint/${R5_ENDPOINT_ID}` }],
    series: (study.series ?? []).map((series) => ({
      ...series,
      modality: { coding: [series.modality] },
      bodySite: {
        concept: { coding: [{ system: 'http://snomed.info/sct', code: '51185008', display: 'Chest' }] },
      },
    })),
  };
}

/** Endpoints on pacs-a's address in STU3's and R5's shapes. */
async function versionedEndpoints(store: FhirStore): Promise<void> {
  const pacsA = (await store.repo.readResource('Endpoint', endpointId('a'))) as Endpoint;
  const { connectionType, ...rest } = pacsA;
  await store.put({
    ...rest,
    id: STU3_ENDPOINT_ID,
    connectionType: { ...connectionType, system: 'http://hl7.org/fhir/endpoint-connection-type' },
  } as Endpoint & { id: string });
  await store.put({
    ...rest,
    id: R5_ENDPOINT_ID,
    connectionType: [{ coding: [connectionType] }],
  } as unknown as Endpoint & { id: string });
}

export async function loadFhirVersionsPatient(
  dicomDir: string,
  pacs: Readonly<Record<'a' | 'b', PacsTarget>>,
  store: FhirStore,
  readFiles: (dir: string) => Promise<DicomFile[]>,
  warn: Warn,
): Promise<StudyInfo[]> {
  await store.put(versionsPatient());
  await versionedEndpoints(store);
  const geHead = (await readFiles(join(dicomDir, 'dcm_qa_ct-ge-head-tilt'))).slice(0, GE_HEAD_FILES);
  const ctImage = (await readFiles(join(dicomDir, 'cornerstone-ctimage-transfer-syntaxes'))).filter(
    (file) => basename(file.name) === CT_IMAGE,
  );
  const studies: StudyInfo[] = [];
  const load = async (
    id: string,
    parts: readonly { files: readonly DicomFile[]; series: string; availability?: string }[],
    description: string,
    shape: (study: Study, availabilityOf: (seriesUid: string) => string | undefined) => Json,
  ) => {
    const seed = `sandbox:${id}`;
    const availabilities = new Map<string, string>();
    const files = parts.flatMap((part) =>
      part.files.map((file) => {
        const copy = reidentify(file, seed, `${seed}:${part.series}`);
        if (part.availability) availabilities.set(copy.summary.seriesInstanceUid, part.availability);
        return copy;
      }),
    );
    const loaded = await loadStudy(
      { id, patientId: VERSIONS_PATIENT_ID, files, studyPacs: 'a', description },
      pacs,
      store,
      warn,
    );
    if (!loaded) return;
    const stored = (await store.repo.readResource('ImagingStudy', id)) as Study;
    // Not R4 any more: the in-memory server keeps what it is given (see the file comment).
    await store.put(shape(stored, (uid) => availabilities.get(uid)) as unknown as Study);
    studies.push(loaded);
  };

  await load(
    DRAFT_STUDY_ID,
    [{ files: geHead, series: 'head' }],
    'CT Head (FHIR STU3/draft record)',
    (study) => toDraftShape(study, { availability: 'ONLINE', started: '2026-08-03T10:00:00Z' }),
  );
  await load(R5_STUDY_ID, [{ files: ctImage, series: 'chest' }], 'CT Chest (FHIR R5 record)', (study) => ({
    ...toR5Shape(study),
    started: '2026-08-02T10:00:00Z',
  }));
  await load(
    AVAILABILITY_STUDY_ID,
    [
      { files: geHead, series: 'online', availability: 'ONLINE' },
      { files: ctImage, series: 'nearline', availability: 'NEARLINE' },
      { files: ctImage, series: 'offline', availability: 'OFFLINE' },
    ],
    'CT (series online, nearline and offline)',
    (study, availabilityOf) =>
      toDraftShape(
        {
          ...study,
          series: (study.series ?? []).map((series) => ({
            ...series,
            availability: availabilityOf(series.uid),
          })),
        } as Study,
        { started: '2026-08-01T10:00:00Z' },
      ),
  );
  await load(
    OFFLINE_STUDY_ID,
    [{ files: ctImage, series: 'chest' }],
    'CT Chest (offline in the archive)',
    (study) => toDraftShape(study, { availability: 'OFFLINE', started: '2026-07-30T10:00:00Z' }),
  );
  return studies;
}
