import { describe, expect, it } from 'vitest';
import { resourcesOf } from './fhir-bundle-import.ts';
import { nameFromPatientId, withLaunchablePatients } from '../data/load-fixtures.ts';

describe('resourcesOf', () => {
  it('resolves urn:uuid references of a transaction bundle to Type/id', () => {
    const resources = resourcesOf({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:0a8b7c2e-0000-4000-8000-000000000001', resource: { resourceType: 'Patient' } },
        {
          fullUrl: 'urn:uuid:0a8b7c2e-0000-4000-8000-000000000002',
          resource: {
            resourceType: 'ImagingStudy',
            status: 'available',
            subject: { reference: 'urn:uuid:0a8b7c2e-0000-4000-8000-000000000001' },
            encounter: { reference: 'urn:uuid:not-in-bundle' },
          },
        },
      ],
    });
    expect(resources.map((r) => `${r.resourceType}/${r.id}`)).toEqual([
      'Patient/0a8b7c2e-0000-4000-8000-000000000001',
      'ImagingStudy/0a8b7c2e-0000-4000-8000-000000000002',
    ]);
    expect(resources[1]).toMatchObject({
      subject: { reference: 'Patient/0a8b7c2e-0000-4000-8000-000000000001' },
      encounter: { reference: 'urn:uuid:not-in-bundle' },
    });
  });

  it('resolves MADO-style urn:Type/id fullUrls too', () => {
    const resources = resourcesOf({
      resourceType: 'Bundle',
      type: 'document',
      entry: [
        { fullUrl: 'urn:Patient/p-1', resource: { resourceType: 'Patient', id: 'p-1' } },
        {
          fullUrl: 'urn:ImagingStudy/1.2.3',
          resource: {
            resourceType: 'ImagingStudy',
            id: '1.2.3',
            status: 'available',
            subject: { reference: 'urn:Patient/p-1' },
          },
        },
      ],
    });
    expect(resources[1]).toMatchObject({ subject: { reference: 'Patient/p-1' } });
  });
});

describe('launchable fixture patients', () => {
  it('derives a name from the Patient id', () => {
    expect(nameFromPatientId('Example-DataStandardsWales-Patient-AliceJones')).toMatchObject({
      given: ['Alice'],
      family: 'Jones',
    });
    expect(nameFromPatientId('xyz')).toEqual({ text: 'xyz' });
  });

  it('creates missing subjects, gives subject-less studies one, and leaves known patients alone', () => {
    const result = withLaunchablePatients(
      [
        {
          resourceType: 'ImagingStudy',
          id: 'a',
          status: 'available',
          subject: { reference: 'Patient/known' },
        },
        {
          resourceType: 'ImagingStudy',
          id: 'b',
          status: 'available',
          subject: { reference: 'Patient/UKCore-Patient-RichardSmith-Example' },
        },
        // Like the S4S example: no subject although R4 requires one (hence through resourcesOf, untyped).
        ...resourcesOf({ resourceType: 'ImagingStudy', id: 'c', status: 'available' }),
      ],
      'my-fixture',
      new Set(['known']),
    );
    expect(result.filter((r) => r.resourceType === 'Patient').map((r) => r.id)).toEqual([
      'UKCore-Patient-RichardSmith-Example',
      'fixture-my-fixture',
    ]);
    expect(result.find((r) => r.id === 'c')).toMatchObject({
      subject: { reference: 'Patient/fixture-my-fixture' },
    });
  });
});
