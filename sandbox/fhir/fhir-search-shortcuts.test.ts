import { describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { medplumSearchParams } from './fhir-search-shortcuts.ts';
import { IdentifierIndex } from './identifier-index.ts';

describe('medplumSearchParams', () => {
  it('turns patient=<id> into subject=Patient/<id> for resources whose patient is the subject', () => {
    const out = medplumSearchParams(
      'ImagingStudy',
      new URLSearchParams('patient=p1&_count=50&_sort=-started'),
    );
    expect(out.get('subject')).toBe('Patient/p1');
    expect(out.has('patient')).toBe(false);
    expect(out.get('_count')).toBe('50');
  });

  it('leaves everything else alone', () => {
    for (const [type, query] of [
      ['Patient', 'patient=p1'],
      ['ImagingStudy', 'patient=p1&patient=p2'],
      ['ImagingStudy', 'patient=Patient/p1'],
      ['ImagingStudy', 'patient=p1&subject=Group/g'],
      ['ImagingStudy', '_id=x'],
    ] as const) {
      expect(medplumSearchParams(type, new URLSearchParams(query)).toString()).toBe(
        new URLSearchParams(query).toString(),
      );
    }
  });
});

describe('identifier searches through the index', () => {
  const index = new IdentifierIndex();
  index.record({
    resourceType: 'ImagingStudy',
    id: 's1',
    identifier: [{ system: 'urn:dicom:uid', value: 'urn:oid:1.2.3' }],
  } as Resource);

  it('answers one system|value token with _id, keeping the other parameters', () => {
    const out = medplumSearchParams(
      'ImagingStudy',
      new URLSearchParams('patient=p1&identifier=urn:dicom:uid|urn:oid:1.2.3&_include=ImagingStudy:endpoint'),
      index,
    );
    expect(out.get('_id')).toBe('s1');
    expect(out.get('identifier')).toBeNull();
    expect(out.get('subject')).toBe('Patient/p1');
    expect(out.get('_include')).toBe('ImagingStudy:endpoint');
  });

  it('indexes an identifier given as one object instead of an array (the SMART imaging README example)', () => {
    const local = new IdentifierIndex();
    local.record({
      resourceType: 'ImagingStudy',
      id: '123',
      identifier: { system: 'urn:dicom:uid', value: 'urn:oid:1.2.3' },
    } as unknown as Resource);
    expect(local.lookup('urn:dicom:uid|urn:oid:1.2.3')).toEqual(['123']);
  });

  it('gives an empty answer for an unknown token, and leaves other forms to medplum', () => {
    expect(
      medplumSearchParams(
        'ImagingStudy',
        new URLSearchParams('identifier=urn:dicom:uid|urn:oid:9'),
        index,
      ).get('_id'),
    ).toBe('no-such-imaging-study');
    for (const query of ['identifier=1.2.3', 'identifier=a|b,c|d', 'identifier=a|b&identifier=c|d']) {
      expect(medplumSearchParams('ImagingStudy', new URLSearchParams(query), index).toString()).toBe(
        new URLSearchParams(query).toString(),
      );
    }
  });
});
