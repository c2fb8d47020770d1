import { postProcessDecodedPixels } from '@cornerstonejs/dicom-image-loader';
import { describe, expect, it } from 'vitest';
import { modalityValuesOf } from '@/domain/imaging/modality-values';

/**
 * The decode path as Cornerstone's worker runs it (postProcessDecodedPixels), on stored values a
 * scanner writes: why pre-scale is off (DECODE_WITHOUT_PRESCALE) and the modality values are ours.
 */
interface Case {
  name: string;
  bitsAllocated: 8 | 16;
  bitsStored: number;
  pixelRepresentation: 0 | 1;
  slope: number;
  intercept: number;
  stored: number[];
}

const CASES: Case[] = [
  {
    name: 'u16 CT ×16, slope 1/16',
    bitsAllocated: 16,
    bitsStored: 16,
    pixelRepresentation: 0,
    slope: 0.0625,
    intercept: -1024,
    stored: [0, 16384, 17024, 32768, 48768],
  },
  {
    name: 'u12 multiples of 16, slope 1/16',
    bitsAllocated: 16,
    bitsStored: 12,
    pixelRepresentation: 0,
    slope: 0.0625,
    intercept: 0,
    stored: [0, 16, 2048, 4080],
  },
  {
    name: 'u16 identity above 32767',
    bitsAllocated: 16,
    bitsStored: 16,
    pixelRepresentation: 0,
    slope: 1,
    intercept: -32768,
    stored: [0, 32767, 32768, 65535],
  },
  {
    name: 's16 slope 2',
    bitsAllocated: 16,
    bitsStored: 16,
    pixelRepresentation: 1,
    slope: 2,
    intercept: 0,
    stored: [-32768, -1, 0, 32767],
  },
  {
    name: 's12 in 16, intercept -1024',
    bitsAllocated: 16,
    bitsStored: 12,
    pixelRepresentation: 1,
    slope: 1,
    intercept: -1024,
    stored: [0x0800, 0x0fff, 0, 0x07ff],
  },
  {
    name: 's8',
    bitsAllocated: 8,
    bitsStored: 8,
    pixelRepresentation: 1,
    slope: 1,
    intercept: 0,
    stored: [0x80, 0xff, 0, 0x7f],
  },
  {
    name: 'u16 negative slope',
    bitsAllocated: 16,
    bitsStored: 16,
    pixelRepresentation: 0,
    slope: -1,
    intercept: 0,
    stored: [0, 1000],
  },
];

function frameOf(c: Case) {
  const Stored = c.bitsAllocated === 8 ? Uint8Array : c.pixelRepresentation ? Int16Array : Uint16Array;
  return {
    rows: 1,
    columns: c.stored.length,
    samplesPerPixel: 1,
    photometricInterpretation: 'MONOCHROME2',
    bitsAllocated: c.bitsAllocated,
    bitsStored: c.bitsStored,
    pixelRepresentation: c.pixelRepresentation,
    pixelData: Stored.from(c.stored),
  };
}

const expected = (c: Case) =>
  modalityValuesOf(
    c.stored,
    { bitsStored: c.bitsStored, signed: c.pixelRepresentation === 1 },
    { ...c, factor: 1 },
  );

function decode(c: Case, preScale: boolean): number[] {
  const options = {
    allowFloatRendering: true,
    preScale: preScale
      ? {
          enabled: true,
          scalingParameters: { rescaleSlope: c.slope, rescaleIntercept: c.intercept, modality: 'CT' },
        }
      : { enabled: false },
  };
  return Array.from(
    (postProcessDecodedPixels(frameOf(c), options, 0, {}) as { pixelData: ArrayLike<number> }).pixelData,
  );
}

describe('Cornerstone decode path and modality values', () => {
  it('the loader pre-scale wraps and truncates (what this works around, in @cornerstonejs/dicom-image-loader 5.14)', () => {
    const [ct, u12, , , , s8, negative] = CASES as [Case, Case, Case, Case, Case, Case, Case];
    // Scaled range −1024..2024 → Int16Array, raw 32768 and 48768 copied into it wrap: 1024 and 2024 HU
    // come out as −3072 and −2072 (bone black).
    expect(decode(ct, true)).toEqual([-1024, 0, 40, -3072, -2072]);
    // Scaled range 0..255 → Uint8Array, raw 2048 and 4080 wrap to 0 and 240 before the 1/16.
    expect(decode(u12, true)).toEqual([0, 1, 0, 15]);
    // Signed bytes are sign-extended into the raw Uint8Array: still unsigned.
    expect(decode(s8, false)).toEqual([128, 255, 0, 127]);
    // A negative slope swaps min and max: Uint8Array for 0..−1000.
    expect(decode(negative, true)).toEqual([0, 24]);
  });

  it.each(CASES)('$name: stored values survive with pre-scale off, and ours are the modality values', (c) => {
    const raw = decode(c, false);
    const { values } = modalityValuesOf(
      raw,
      { bitsStored: c.bitsStored, signed: c.pixelRepresentation === 1 },
      { slope: c.slope, intercept: c.intercept, factor: 1 },
    );
    const truth = c.stored.map((stored) => {
      const span = 2 ** c.bitsStored;
      const low = ((stored % span) + span) % span;
      const value = c.pixelRepresentation === 1 && low >= span / 2 ? low - span : low;
      return value * c.slope + c.intercept;
    });
    expect(Array.from(values)).toEqual(truth.map((value) => Math.fround(value)));
    expect(Array.from(expected(c).values)).toEqual(Array.from(values));
  });
});
