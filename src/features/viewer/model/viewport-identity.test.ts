import { describe, expect, it } from 'vitest';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import { text } from '@/domain/imaging/testing/dicom-json-builders';
import { patientMatchOf } from './viewport-identity';

const patient: PatientIdentity = {
  id: 'p1',
  name: 'DOE, Jane',
  mrn: 'MRN-1',
  birthDate: null,
  gender: null,
};
const listedOnly = { '00080018': text('UI', '1.2.3') };

describe('patientMatchOf', () => {
  it('judges by the instance metadata when it names the patient', () => {
    const other = { ...listedOnly, '00100020': text('LO', 'MRN-2') };
    // The metadata is what the viewer was told about this instance: a drawn header cannot overrule it.
    expect(patientMatchOf(patient, other, { id: 'MRN-1', name: 'DOE^JANE' }).status).toBe('mismatch');
    expect(patientMatchOf(patient, { ...listedOnly, '00100020': text('LO', 'MRN-1') }).status).toBe('match');
  });

  it('falls back on the drawn image’s own header when the metadata names nobody (WADO-URI)', () => {
    expect(patientMatchOf(patient, listedOnly).status).toBe('unverified');
    expect(patientMatchOf(patient, listedOnly, { id: 'MRN-1', name: 'DOE^JANE' }).status).toBe('match');
    expect(patientMatchOf(patient, listedOnly, { id: 'MRN-9', name: 'ROE^RICHARD' })).toEqual({
      status: 'mismatch',
      reasons: [
        { field: 'id', dicomValue: 'MRN-9' },
        { field: 'name', dicomValue: 'ROE^RICHARD' },
      ],
    });
  });
});
