import { describe, expect, it } from 'vitest';
import type { ImagingStudy } from '@medplum/fhirtypes';
import { createFhirStore } from '../fhir/fhir-store.ts';
import {
  BAD_DATE,
  HOSTILE_PATIENT_ID,
  LONG_DESCRIPTION_BYTES,
  loadHostileRecordsPatient,
  longDescription,
} from './hostile-records-patient.ts';

describe('the hostile patient', () => {
  it('has a 100 KB description', () => {
    expect(longDescription()).toHaveLength(LONG_DESCRIPTION_BYTES);
  });

  it('is stored as written and found by the list’s own search', async () => {
    const store = createFhirStore();
    await loadHostileRecordsPatient(store);
    const studies = await store.repo.searchResources<ImagingStudy>({
      resourceType: 'ImagingStudy',
      filters: [{ code: 'patient', operator: 'eq' as never, value: `Patient/${HOSTILE_PATIENT_ID}` }],
      sortRules: [{ code: 'started', descending: true }],
    });
    expect(studies).toHaveLength(4);
    const long = studies.find((study) => study.id === 'hostile-long-description');
    expect(long).toMatchObject({ status: 'bogus', numberOfSeries: -3, numberOfInstances: 1.5 });
    expect(studies.map((study) => study.started)).toContain(BAD_DATE);
    const nullUid = studies.find((study) => study.id === 'hostile-null-uid');
    // Medplum drops nulls on write, as JSON-minded servers do: the app gets the system with no value.
    expect(nullUid?.identifier).toEqual([{ system: 'urn:dicom:uid' }]);
  });
});
