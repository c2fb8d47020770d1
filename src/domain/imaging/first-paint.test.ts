import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DicomJsonInstance } from './dicom-json';
import { firstPaintOf, greyRgbaBySample, greyRgbaByWord } from './first-paint';
import { TransferSyntax } from './transfer-syntax';

const EXPLICIT = TransferSyntax.ExplicitVrLittleEndian;

/** A 2×2 greyscale instance's metadata as DICOM JSON, with overrides. */
function instance(extra: Record<string, unknown> = {}): DicomJsonInstance {
  return {
    '00080060': { vr: 'CS', Value: ['CT'] },
    '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
    '00280002': { vr: 'US', Value: [1] },
    '00280010': { vr: 'US', Value: [2] },
    '00280011': { vr: 'US', Value: [2] },
    '00280100': { vr: 'US', Value: [16] },
    '00280101': { vr: 'US', Value: [12] },
    '00280103': { vr: 'US', Value: [1] },
    '00281052': { vr: 'DS', Value: [-1024] },
    '00281053': { vr: 'DS', Value: [1] },
    '00281050': { vr: 'DS', Value: [40] },
    '00281051': { vr: 'DS', Value: [81] },
    ...extra,
  };
}

/** Stored 16-bit little-endian samples. */
function bytesOf(...samples: number[]): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, i) => view.setUint16(i * 2, sample & 0xffff, true));
  return bytes;
}

const greys = (rgba: Uint8ClampedArray) => [...rgba].filter((_, i) => i % 4 === 0);

describe('firstPaintOf', () => {
  it('draws modality values through the first window with the linear VOI function', () => {
    // Stored 1024 + HU: HU -1000 (below), 40 (just above the centre: 129), 0 (near the bottom: 2), 200 (above the −0.5…79.5 window).
    const paint = firstPaintOf(instance(), bytesOf(24, 1064, 1024, 1224), EXPLICIT);
    expect(paint).not.toBeNull();
    expect(greys(paint?.rgba ?? new Uint8ClampedArray())).toEqual([0, 129, 2, 255]);
    expect([...(paint?.rgba ?? [])].filter((_, i) => i % 4 === 3)).toEqual([255, 255, 255, 255]);
    expect(paint).toMatchObject({ columns: 2, rows: 2, pixelAspect: 1 });
  });

  it('reads only the stored bits and their sign', () => {
    // 12 bits stored, signed: 0xF000 | 0x0FFF is -1 once the high bits are dropped; slope 1, intercept 0.
    const meta = instance({
      '00281052': { vr: 'DS', Value: [0] },
      '00281050': { vr: 'DS', Value: [0] },
      '00281051': { vr: 'DS', Value: [3] },
    });
    // Window 0/3: low -2, high 1 → -1 maps to (−1 + 0.5)/2 + 0.5 = 0.25 → 64; 0 → 191; 2 → 255.
    const paint = firstPaintOf(meta, bytesOf(0xffff, 0xf000, 2, 0x1002), EXPLICIT);
    expect(greys(paint?.rgba ?? new Uint8ClampedArray())).toEqual([64, 191, 255, 255]);
  });

  it('inverts MONOCHROME1 and falls back to the image range without a window', () => {
    const meta = instance({
      '00280004': { vr: 'CS', Value: ['MONOCHROME1'] },
      '00281050': undefined,
      '00281051': undefined,
    });
    delete (meta as Record<string, unknown>)['00281050'];
    delete (meta as Record<string, unknown>)['00281051'];
    const paint = firstPaintOf(meta, bytesOf(0, 100, 200, 1024), EXPLICIT);
    const [darkest, , , brightest] = greys(paint?.rgba ?? new Uint8ClampedArray());
    // The range's lowest value is white once inverted, its highest black.
    expect(darkest).toBe(255);
    expect(brightest).toBe(0);
  });

  it('skips an invalid first window for the next valid one, as registration does', () => {
    const meta = instance({
      '00281050': { vr: 'DS', Value: [500, 40] },
      '00281051': { vr: 'DS', Value: [0, 81] },
    });
    const paint = firstPaintOf(meta, bytesOf(24, 1064, 1024, 1224), EXPLICIT);
    expect(greys(paint?.rgba ?? new Uint8ClampedArray())).toEqual([0, 129, 2, 255]);
  });

  it('gives the pixels their aspect from Pixel Spacing (row, column)', () => {
    const meta = instance({ '00280030': { vr: 'DS', Value: [0.5, 0.25] } });
    expect(firstPaintOf(meta, bytesOf(0, 0, 0, 0), EXPLICIT)?.pixelAspect).toBe(2);
  });

  it('reads 16-bit samples that start at an odd offset of their buffer', () => {
    const shifted = new Uint8Array(9);
    shifted.set(bytesOf(24, 1064, 1024, 1224), 1);
    const paint = firstPaintOf(instance(), shifted.subarray(1), EXPLICIT);
    expect(greys(paint?.rgba ?? new Uint8ClampedArray())).toEqual([0, 129, 2, 255]);
  });

  it('draws 8-bit unsigned samples', () => {
    const meta = instance({
      '00280100': { vr: 'US', Value: [8] },
      '00280101': { vr: 'US', Value: [8] },
      '00280103': { vr: 'US', Value: [0] },
      '00281052': { vr: 'DS', Value: [0] },
      '00281050': { vr: 'DS', Value: [128] },
      '00281051': { vr: 'DS', Value: [256] },
    });
    const paint = firstPaintOf(meta, Uint8Array.from([0, 64, 128, 255, 0]), EXPLICIT);
    expect(greys(paint?.rgba ?? new Uint8ClampedArray())).toEqual([0, 64, 128, 255]);
  });

  it.each([
    ['a compressed frame', instance(), '1.2.840.10008.1.2.4.50'],
    ['a big-endian frame', instance(), TransferSyntax.ExplicitVrBigEndian],
    ['colour', instance({ '00280004': { vr: 'CS', Value: ['RGB'] } }), EXPLICIT],
    ['a VOI LUT sequence', instance({ '00283010': { vr: 'SQ', Value: [{}] } }), EXPLICIT],
    ['a Modality LUT sequence', instance({ '00283000': { vr: 'SQ', Value: [{}] } }), EXPLICIT],
    ['a sigmoid VOI function', instance({ '00281056': { vr: 'CS', Value: ['SIGMOID'] } }), EXPLICIT],
    [
      'an enhanced CT (per-frame functional groups)',
      instance({ '52009230': { vr: 'SQ', Value: [{}] } }),
      EXPLICIT,
    ],
    ['shared functional groups', instance({ '52009229': { vr: 'SQ', Value: [{}] } }), EXPLICIT],
    ['PET (SUV scaling)', instance({ '00080060': { vr: 'CS', Value: ['PT'] } }), EXPLICIT],
    ['12 bits allocated', instance({ '00280100': { vr: 'US', Value: [12] } }), EXPLICIT],
  ])('does not draw %s (the renderer does)', (_, meta, syntax) => {
    expect(firstPaintOf(meta, bytesOf(1, 2, 3, 4), syntax)).toBeNull();
  });

  it('does not draw bytes that are not this image’s size', () => {
    expect(firstPaintOf(instance(), bytesOf(1, 2, 3), EXPLICIT)).toBeNull();
    expect(firstPaintOf(instance(), bytesOf(1, 2, 3, 4, 5), EXPLICIT)).toBeNull();
  });
});

describe('the first paint through a table of every word (large frames)', () => {
  it('gives the same bytes as computing each sample', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8 as const, 16 as const),
        fc.array(fc.nat({ max: 0xffff }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 16 }),
        fc.boolean(),
        fc.constantFrom(1, 2, -1, 0.5, 1 / 3, 2.5e-3, 1000),
        fc.constantFrom(0, -1024, 3.7, -32768, 1e5),
        fc.option(
          fc.record({
            center: fc.double({ min: -5e4, max: 5e4, noNaN: true }),
            width: fc.double({ min: 1, max: 1e5, noNaN: true }),
          }),
        ),
        fc.boolean(),
        (wordBits, raw, bitsStored, signed, slope, intercept, window, invert) => {
          const samples =
            wordBits === 8 ? Uint8Array.from(raw, (word) => word & 0xff) : Uint16Array.from(raw);
          const encoding = { bitsStored: Math.min(bitsStored, wordBits), signed };
          const rescale = { slope, intercept, factor: 1 };
          const mapping = { window, invert };
          expect(greyRgbaByWord(samples, wordBits, encoding, rescale, mapping)).toEqual(
            greyRgbaBySample(samples, encoding, rescale, mapping),
          );
        },
      ),
      // Each run builds a 65,536-word table twice over: fewer runs than the default 100.
      { numRuns: 40 },
    );
  });

  it('is what a 512 × 512 CT slice is drawn with, and draws it as each sample would', () => {
    const side = 512;
    const samples = Uint16Array.from({ length: side * side }, (_, i) => (i * 37) % 4096);
    const meta = instance({
      '00280010': { vr: 'US', Value: [side] },
      '00280011': { vr: 'US', Value: [side] },
      '00280103': { vr: 'US', Value: [0] },
    });
    const paint = firstPaintOf(meta, new Uint8Array(samples.buffer), EXPLICIT);
    const expected = greyRgbaBySample(
      samples,
      { bitsStored: 12, signed: false },
      { slope: 1, intercept: -1024, factor: 1 },
      { window: { center: 40, width: 81 }, invert: false },
    );
    // Compared byte by byte here: a deep equality of a megabyte array takes seconds.
    const rgba = paint?.rgba ?? new Uint8ClampedArray();
    expect(rgba.length).toBe(expected.length);
    expect(rgba.findIndex((byte, i) => byte !== expected[i])).toBe(-1);
  });
});
