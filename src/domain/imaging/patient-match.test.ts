import { describe, expect, it } from 'vitest';
import { comparePatients, patientForMatchingOf, type PatientForMatching } from './patient-match';

const head: PatientForMatching = { identifiers: ['PLASTIC', 'phantom'], family: 'HEAD', given: [] };
const iris: PatientForMatching = { identifiers: ['COLOUR'], family: 'Prism', given: ['Iris'] };

describe('comparePatients', () => {
  it('matches the same ID and name, whatever the case and DICOM ^ format', () => {
    expect(comparePatients(head, { id: 'PLASTIC', name: 'HEAD' })).toEqual({ status: 'match' });
    expect(comparePatients(iris, { id: 'colour ', name: 'PRISM^IRIS' })).toEqual({ status: 'match' });
    expect(comparePatients(iris, { id: 'COLOUR', name: 'Prism^I^^Dr.' })).toEqual({ status: 'match' });
    expect(comparePatients(iris, { id: null, name: 'prism^iris' })).toEqual({ status: 'match' });
  });

  it('ignores accents, hyphens and apostrophes in names', () => {
    const fhir = { identifiers: ['1'], family: "O'Brien-Müller", given: ['José'] };
    expect(comparePatients(fhir, { id: '1', name: 'OBRIEN MULLER^JOSE' }).status).toBe('match');
  });

  it('flags an ID that is none of the patient’s identifiers', () => {
    const result = comparePatients(head, { id: '2178309', name: 'HEAD' });
    expect(result.status).toBe('mismatch');
    expect(result.status === 'mismatch' && result.reasons).toEqual([{ field: 'id', dicomValue: '2178309' }]);
  });

  it('flags a different family name even when the ID matches', () => {
    expect(comparePatients(head, { id: 'PLASTIC', name: 'REMOVED' })).toEqual({
      status: 'mismatch',
      reasons: [{ field: 'name', dicomValue: 'REMOVED' }],
    });
  });

  it('keeps the DICOM value exactly as the header gives it, invisible characters included', () => {
    const result = comparePatients(head, { id: 'PLASTIC', name: 'EVIL\u202E^X' });
    expect(result.status === 'mismatch' && result.reasons[0]?.dicomValue).toBe('EVIL\u202E^X');
  });

  it('flags a different first given name, but not a missing one', () => {
    expect(comparePatients(iris, { id: 'COLOUR', name: 'PRISM^ROSE' }).status).toBe('mismatch');
    expect(comparePatients(iris, { id: 'COLOUR', name: 'PRISM' }).status).toBe('match');
  });

  it('reads only the alphabetic group of a PN', () => {
    expect(comparePatients(iris, { id: null, name: 'PRISM^IRIS=虹^彩' }).status).toBe('match');
  });

  it('cannot verify a DICOM patient with no ID and no name', () => {
    expect(comparePatients(head, { id: null, name: null })).toEqual({ status: 'unverified' });
    expect(comparePatients(head, { id: ' ', name: '^' })).toEqual({ status: 'unverified' });
  });

  it('treats a FHIR patient without a family name as not matching a named DICOM patient', () => {
    const anonymous = { identifiers: ['X'], family: null, given: [] };
    expect(comparePatients(anonymous, { id: 'X', name: 'DOE^JANE' }).status).toBe('mismatch');
  });
});

describe('patientForMatchingOf', () => {
  it('splits the banner name and collects identifiers', () => {
    expect(
      patientForMatchingOf({
        id: 'colour',
        name: 'PRISM, Iris Ann',
        mrn: 'COLOUR',
        birthDate: null,
        gender: null,
      }),
    ).toEqual({ identifiers: ['COLOUR', 'colour'], family: 'PRISM', given: ['Iris', 'Ann'] });
  });
});
