import type { Endpoint, Patient, Practitioner } from '@medplum/fhirtypes';
import type { PacsKey } from '../sandbox-info.ts';

export const PRACTITIONER_ID = 'sandbox-clinician';
export const PHANTOM_PATIENT_ID = 'phantom';
export const COLOUR_PATIENT_ID = 'colour';
export const MRN_SYSTEM = 'urn:sandbox:mrn';

const MRN_TYPE = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] };

export function endpointId(pacs: PacsKey): string {
  return `pacs-${pacs}`;
}

export function sandboxEndpoint(pacs: PacsKey, address: string): Endpoint & { id: string } {
  return {
    resourceType: 'Endpoint',
    id: endpointId(pacs),
    status: 'active',
    connectionType: {
      system: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type',
      code: 'dicom-wado-rs',
    },
    name:
      pacs === 'a'
        ? 'Sandbox PACS A (SMART imaging access: needs the access token)'
        : 'Sandbox PACS B (open)',
    payloadType: [{ text: 'DICOM' }],
    payloadMimeType: ['application/dicom'],
    address,
  };
}

export function sandboxPractitioner(): Practitioner & { id: string } {
  return {
    resourceType: 'Practitioner',
    id: PRACTITIONER_ID,
    name: [{ family: 'Clinician', given: ['Sandbox'], prefix: ['Dr.'] }],
  };
}

export function mrnIdentifier(value: string): NonNullable<Patient['identifier']>[number] {
  return { use: 'usual', type: MRN_TYPE, system: MRN_SYSTEM, value };
}

export interface SamplePatient {
  id: string;
  /** The medical record number: what the sample's DICOM PatientID says, so the viewer's check agrees. */
  mrn: string;
  family: string;
  given?: string[];
  gender: NonNullable<Patient['gender']>;
  birthDate?: string;
}

/** A sandbox Patient: one MRN and one official name, as every sample patient has. */
export function samplePatient({ id, mrn, family, given, gender, birthDate }: SamplePatient): Patient & {
  id: string;
} {
  return {
    resourceType: 'Patient',
    id,
    identifier: [mrnIdentifier(mrn)],
    name: [{ use: 'official', family, ...(given ? { given } : {}) }],
    gender,
    ...(birthDate ? { birthDate } : {}),
  };
}

/** The Philips phantom's DICOM says PatientID PLASTIC, PatientName HEAD: the FHIR Patient agrees. */
export function phantomPatient(): Patient & { id: string } {
  return samplePatient({ id: PHANTOM_PATIENT_ID, mrn: 'PLASTIC', family: 'HEAD', gender: 'unknown' });
}

/** The pydicom samples come from several sources with several patient names; one sandbox patient holds them. */
export function colourPatient(): Patient & { id: string } {
  return samplePatient({
    id: COLOUR_PATIENT_ID,
    mrn: 'COLOUR',
    family: 'Prism',
    given: ['Iris'],
    gender: 'female',
    birthDate: '1970-01-01',
  });
}
