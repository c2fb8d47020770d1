import { describe, expect, it } from 'vitest';
import {
  objectKindOfInstance,
  objectKindOfListedSeries,
  objectKindOfModality,
  objectKindOfSopClass,
} from './object-kind';
import { text } from './testing/dicom-json-builders';

describe('objectKindOfSopClass', () => {
  it.each([
    ['1.2.840.10008.5.1.4.1.1.2', 'image'],
    ['1.2.840.10008.5.1.4.1.1.4.1', 'image'],
    ['1.2.840.10008.5.1.4.1.1.481.1', 'image'],
    ['1.2.840.10008.5.1.4.1.1.88.59', 'key-objects'],
    ['1.2.840.10008.5.1.4.1.1.88.11', 'structured-report'],
    ['1.2.840.10008.5.1.4.1.1.88.22', 'structured-report'],
    ['1.2.840.10008.5.1.4.1.1.88.33', 'structured-report'],
    ['1.2.840.10008.5.1.4.1.1.88.67', 'structured-report'],
    ['1.2.840.10008.5.1.4.1.1.104.1', 'pdf'],
    ['1.2.840.10008.5.1.4.1.1.104.2', 'other'],
    ['1.2.840.10008.5.1.4.1.1.11.1', 'presentation-state'],
    ['1.2.840.10008.5.1.4.1.1.66.4', 'segmentation'],
    ['1.2.840.10008.5.1.4.1.1.481.3', 'rt-structure-set'],
    ['1.2.840.10008.5.1.4.1.1.481.5', 'other'],
    ['1.2.840.10008.5.1.4.1.1.9.1.1', 'other'],
  ])('%s → %s', (uid, kind) => {
    expect(objectKindOfSopClass(uid)).toBe(kind);
  });

  it('does not guess for classes outside storage or for nothing', () => {
    expect(objectKindOfSopClass('1.2.3.4')).toBeNull();
    expect(objectKindOfSopClass(null)).toBeNull();
  });
});

describe('objectKindOfInstance', () => {
  it('falls back to the modality, then to whether the object has rows', () => {
    expect(objectKindOfInstance({ '00080060': text('CS', 'SR') })).toBe('structured-report');
    expect(objectKindOfInstance({ '00280010': text('US', 512) })).toBe('image');
    expect(objectKindOfInstance({ '00080016': text('UI', '1.2.3.4') })).toBe('other');
    expect(objectKindOfInstance({})).toBe('image');
  });
});

describe('objectKindOfListedSeries', () => {
  it("uses the instances' SOP classes, else the modality", () => {
    expect(
      objectKindOfListedSeries({
        modality: 'OT',
        instances: [{ sopClassUid: '1.2.840.10008.5.1.4.1.1.104.1' }],
      }),
    ).toBe('pdf');
    expect(objectKindOfListedSeries({ modality: 'KO', instances: [] })).toBe('key-objects');
    expect(objectKindOfListedSeries({ modality: 'CT', instances: [{ sopClassUid: null }] })).toBeNull();
    expect(objectKindOfModality('rtstruct')).toBe('rt-structure-set');
  });
});
