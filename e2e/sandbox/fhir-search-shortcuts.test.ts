import { describe, expect, it } from 'vitest';
import { medplumSearchParams } from './fhir-search-shortcuts.ts';

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
