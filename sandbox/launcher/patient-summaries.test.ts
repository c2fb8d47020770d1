import type { FhirRepository } from '@medplum/fhir-router';
import { describe, expect, it } from 'vitest';
import { displayName, listPatientSummaries } from './patient-summaries.ts';

/** Just the search the summaries use, over resources as a store would hold them (unvalidated). */
function repoOf(resources: Record<string, unknown>[]): FhirRepository {
  return {
    searchResources: ({ resourceType }: { resourceType: string }) =>
      Promise.resolve(resources.filter((resource) => resource.resourceType === resourceType)),
  } as unknown as FhirRepository;
}

describe('listPatientSummaries', () => {
  it('keeps every patient listed when one study is malformed', async () => {
    const summaries = await listPatientSummaries(
      repoOf([
        { resourceType: 'Patient', id: 'p', name: [{ family: 'Doe', given: ['Jo'] }] },
        { resourceType: 'Patient', id: 'q', name: [{ prefix: { not: 'a list' }, given: 'Al' }] },
        // `series` as an object and a series without modality: as SANDBOX_DATA may bring.
        {
          resourceType: 'ImagingStudy',
          id: 's1',
          subject: { reference: 'Patient/p' },
          series: { uid: '1.2' },
        },
        {
          resourceType: 'ImagingStudy',
          id: 's2',
          subject: { reference: 'Patient/p' },
          series: [{ uid: '1.3' }, null, { modality: { code: 'CT' } }],
          started: 7,
          description: 42,
        },
        {
          resourceType: 'ImagingStudy',
          id: 's3',
          subject: { reference: 'Patient/q' },
          description: 'Head CT',
        },
      ]),
    );
    expect(summaries).toEqual([
      {
        id: 'p',
        name: 'Jo Doe',
        studies: [
          { id: 's1', description: 'ImagingStudy s1' },
          { id: 's2', description: 'CT study' },
        ],
      },
      { id: 'q', name: 'Al', studies: [{ id: 's3', description: 'Head CT' }] },
    ]);
  });

  it('names patients from whatever HumanName they have', () => {
    expect(displayName(undefined)).toBe('(no name)');
    expect(displayName([{ text: 'Iris Prism' }])).toBe('Iris Prism');
  });
});
