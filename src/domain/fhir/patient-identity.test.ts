import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patientIdentityOf } from './patient-identity';

describe('patientIdentityOf', () => {
  it('reads the HL7 DICOM patient example', () => {
    const patient: unknown = JSON.parse(
      readFileSync(new URL('../../../sandbox/data/fhir/hl7-r4-patient-dicom.json', import.meta.url), 'utf8'),
    );
    expect(patientIdentityOf(patient)).toEqual({
      id: 'dicom',
      name: 'MINT_TEST',
      mrn: 'MINT1234',
      birthDate: null,
      gender: 'male',
    });
  });

  it('prefers the official name and the MR identifier', () => {
    expect(
      patientIdentityOf({
        name: [
          { use: 'nickname', given: ['Bob'] },
          { use: 'official', family: 'Smith', given: ['Robert', 'J'] },
        ],
        identifier: [
          { system: 'ssn', value: '123' },
          { type: { coding: [{ code: 'MR' }] }, value: 'MRN-9' },
        ],
        birthDate: '1970-02-03',
      }),
    ).toMatchObject({ name: 'SMITH, Robert J', mrn: 'MRN-9', birthDate: '1970-02-03' });
  });

  it('tolerates a patient without name or identifiers', () => {
    expect(patientIdentityOf({ resourceType: 'Patient' })).toMatchObject({ name: null, mrn: null });
  });
});
