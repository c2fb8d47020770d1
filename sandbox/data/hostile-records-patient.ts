import type { ImagingStudy, Patient } from '@medplum/fhirtypes';
import { deterministicUid } from '../pacs/dicom-uid-rewrite.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import { endpointId, samplePatient } from './sandbox-resources.ts';

/**
 * A patient whose records are hostile or broken in every way text can be: what the app must show as
 * data, as written, never rearranged, and never let cover the patient's identity. None of its studies
 * has pixels (their series point at pacs-a, which holds none of them): the viewer must still show
 * the study's header and say what is wrong.
 *
 * - The family name carries U+202E (RIGHT-TO-LEFT OVERRIDE), the MRN a zero-width space.
 * - `hostile-long-description`: a 100 KB description (words and one unbroken 5,000-character run),
 *   counts of -3 series and 1.5 instances, the status "bogus", and two series with one UID.
 * - `hostile-bad-date`: a `started` that is not a FHIR dateTime.
 * - `hostile-null-uid`: its `urn:dicom:uid` identifier has a null value (which medplum, like many
 *   servers, drops on write: the app receives the system without a value).
 * - `hostile-token-request`: its (contained) Endpoint at `https://evil.example/dicom-web` carries SMART's
 *   `requires-access-token`: FHIR data asking for the EHR's token for a server nobody trusts with it.
 *
 * The resources are not valid FHIR on purpose; the in-memory server stores them as given.
 */
export const HOSTILE_PATIENT_ID = 'hostile';
export const HOSTILE_FAMILY = 'Evil\u202EReversed';
export const HOSTILE_MRN = 'HOSTILE\u200B1';
export const LONG_DESCRIPTION_STUDY_ID = 'hostile-long-description';
export const BAD_DATE_STUDY_ID = 'hostile-bad-date';
export const NULL_UID_STUDY_ID = 'hostile-null-uid';
export const TOKEN_REQUEST_STUDY_ID = 'hostile-token-request';
/** Not a server anywhere (the e2e tests keep traffic on this machine): it must never get the token. */
export const UNTRUSTED_IMAGING_BASE = 'https://evil.example/dicom-web';
export const BAD_DATE = '20th of Never';
export const BOGUS_STATUS = 'bogus';
export const LONG_DESCRIPTION_BYTES = 100_000;

/** A 100 KB description whose first words say what it is, so a clamped one is still recognisable. */
export function longDescription(): string {
  const start = 'CT CHEST LONG DESCRIPTION ';
  const run = 'X'.repeat(5_000);
  const words = 'lorem ipsum dolor sit amet '.repeat(Math.ceil(LONG_DESCRIPTION_BYTES / 27));
  return `${start}${run} ${words}`.slice(0, LONG_DESCRIPTION_BYTES);
}

const ENDPOINT_CONNECTION_TYPES = 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type';
const REQUIRES_ACCESS_TOKEN =
  'http://hl7.org/fhir/smart-app-launch/StructureDefinition/requires-access-token';

export function hostilePatient(): Patient & { id: string } {
  return samplePatient({
    id: HOSTILE_PATIENT_ID,
    mrn: HOSTILE_MRN,
    family: HOSTILE_FAMILY,
    given: ['Record'],
    gender: 'female',
    birthDate: '1970-01-01',
  });
}

const uidOf = (id: string, what: string) => deterministicUid(`sandbox:${id}:${what}`);

const study = (id: string, extra: Record<string, unknown>): ImagingStudy & { id: string } =>
  ({
    resourceType: 'ImagingStudy',
    id,
    identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${uidOf(id, 'study')}` }],
    status: 'available',
    subject: { reference: `Patient/${HOSTILE_PATIENT_ID}` },
    endpoint: [{ reference: `Endpoint/${endpointId('a')}` }],
    ...extra,
  }) as ImagingStudy & { id: string };

const ctSeries = (uid: string, number: number, description: string) => ({
  uid,
  number,
  modality: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' },
  description,
  instance: [{ uid: `${uid}.1`, number: 1, sopClass: { code: 'urn:oid:1.2.840.10008.5.1.4.1.1.2' } }],
});

export function hostileStudies(): (ImagingStudy & { id: string })[] {
  const duplicated = uidOf(LONG_DESCRIPTION_STUDY_ID, 'series');
  return [
    study(LONG_DESCRIPTION_STUDY_ID, {
      started: '2026-03-03T10:00:00Z',
      status: BOGUS_STATUS,
      description: longDescription(),
      numberOfSeries: -3,
      numberOfInstances: 1.5,
      series: [
        ctSeries(duplicated, 1, `AXIAL ${'SERIES DESCRIPTION '.repeat(200)}`),
        ctSeries(duplicated, 2, 'SAME UID AS SERIES 1'),
      ],
    }),
    study(BAD_DATE_STUDY_ID, {
      started: BAD_DATE,
      description: 'CT with an invalid date',
      series: [ctSeries(uidOf(BAD_DATE_STUDY_ID, 'series'), 1, 'AXIAL')],
    }),
    study(NULL_UID_STUDY_ID, {
      started: '2026-02-02T10:00:00Z',
      identifier: [{ system: 'urn:dicom:uid', value: null }],
      description: 'CT whose UID identifier has no value',
    }),
    study(TOKEN_REQUEST_STUDY_ID, {
      started: '2026-01-01T10:00:00Z',
      description: 'CT whose image server asks for the access token',
      endpoint: [{ reference: '#untrusted' }],
      contained: [
        {
          resourceType: 'Endpoint',
          id: 'untrusted',
          status: 'active',
          address: UNTRUSTED_IMAGING_BASE,
          connectionType: { system: ENDPOINT_CONNECTION_TYPES, code: 'dicom-wado-rs' },
          payloadType: [{ text: 'DICOM' }],
          extension: [{ url: REQUIRES_ACCESS_TOKEN, valueBoolean: true }],
        },
      ],
      series: [ctSeries(uidOf(TOKEN_REQUEST_STUDY_ID, 'series'), 1, 'AXIAL')],
    }),
  ];
}

export async function loadHostileRecordsPatient(store: FhirStore): Promise<void> {
  await store.put(hostilePatient());
  for (const resource of hostileStudies()) await store.put(resource);
}
