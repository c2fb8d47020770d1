import { describe, expect, it } from 'vitest';
import { applyWindow, pearson, readUncompressedDicom, windowedGrid } from './dicom-reference';

const slice = (n: string) => `sandbox/data/dicom/dcm_qa_ct-philips-S21570/S2010/I${n}`;

describe('dicom-reference', () => {
  it('reads a Philips CT slice in HU (air about -1000, 512×512)', () => {
    const image = readUncompressedDicom(slice('10'));
    expect(image.rows).toBe(512);
    expect(image.columns).toBe(512);
    expect(image.values[0]).toBeLessThan(-900);
  });

  it('applies the DICOM linear window', () => {
    expect(applyWindow(-1000, 40, 80)).toBe(0);
    expect(applyWindow(1000, 40, 80)).toBe(255);
    expect(applyWindow(40, 40, 80)).toBeCloseTo(129.1, 0);
  });

  it('tells slices apart: a slice matches itself better than a distant one', () => {
    const a = windowedGrid(readUncompressedDicom(slice('10')), 40, 80, 16);
    const b = windowedGrid(readUncompressedDicom(slice('280')), 40, 80, 16);
    expect(pearson(a, a)).toBeCloseTo(1, 6);
    expect(pearson(a, b)).toBeLessThan(0.9);
  });
});
