import { describe, expect, it } from 'vitest';
import { parseStudyInstanceUid, type StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { toggleCompareSelection } from './compare-selection';

const uid = (value: string): StudyInstanceUid => {
  const parsed = parseStudyInstanceUid(value);
  if (!parsed) throw new Error(value);
  return parsed;
};

describe('toggleCompareSelection', () => {
  it('adds, removes, and keeps at most the two latest choices', () => {
    const [a, b, c] = [uid('1.1'), uid('1.2'), uid('1.3')];
    expect(toggleCompareSelection([], a)).toEqual([a]);
    expect(toggleCompareSelection([a], b)).toEqual([a, b]);
    expect(toggleCompareSelection([a, b], c)).toEqual([b, c]);
    expect(toggleCompareSelection([a, b], a)).toEqual([b]);
  });
});
