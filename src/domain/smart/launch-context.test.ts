import { describe, expect, it } from 'vitest';
import { parseLaunchContext } from './launch-context';

describe('parseLaunchContext', () => {
  it('reads patient, encounter, banner and the ImagingStudy in fhirContext', () => {
    expect(
      parseLaunchContext({
        access_token: 'x',
        patient: 'phantom',
        encounter: 'enc-1',
        need_patient_banner: false,
        fhirContext: [{ reference: 'Encounter/enc-1' }, { reference: 'ImagingStudy/study-7' }],
      }),
    ).toEqual({
      patientId: 'phantom',
      encounterId: 'enc-1',
      needPatientBanner: false,
      imagingStudyId: 'study-7',
    });
  });

  it('accepts absolute and versioned references', () => {
    const context = parseLaunchContext({
      fhirContext: [
        { type: 'ImagingStudy', reference: 'https://ehr.example.org/fhir/ImagingStudy/abc/_history/2' },
      ],
    });
    expect(context.imagingStudyId).toBe('abc');
  });

  it('shows the banner unless told otherwise, and tolerates junk', () => {
    expect(parseLaunchContext(null)).toEqual({
      patientId: null,
      encounterId: null,
      needPatientBanner: true,
      imagingStudyId: null,
    });
    expect(parseLaunchContext({ patient: 42, fhirContext: 'ImagingStudy/x' }).patientId).toBeNull();
    expect(parseLaunchContext({ fhirContext: [null, { reference: 'Patient/1' }] }).imagingStudyId).toBeNull();
  });
});
