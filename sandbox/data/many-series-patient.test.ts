import { describe, expect, it } from 'vitest';
import { summarizeDicom } from '../pacs/dicom-summary.ts';
import { MANY_SERIES_COUNT, manySeriesFile } from './many-series-patient.ts';

describe('the many-series patient', () => {
  it('writes files whose own header says what their summary says', () => {
    for (const index of [0, 1, MANY_SERIES_COUNT - 1]) {
      const file = manySeriesFile(index);
      expect(summarizeDicom(file.bytes)).toEqual(file.summary);
    }
  });

  it('gives every series its own UID in one study, numbered in order', () => {
    const files = Array.from({ length: MANY_SERIES_COUNT }, (_, index) => manySeriesFile(index).summary);
    expect(new Set(files.map((file) => file.seriesInstanceUid)).size).toBe(MANY_SERIES_COUNT);
    expect(new Set(files.map((file) => file.studyInstanceUid)).size).toBe(1);
    expect(files.map((file) => file.seriesNumber)).toEqual(files.map((_, index) => index + 1));
  });
});
