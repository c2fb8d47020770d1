import { metaData, type Types } from '@cornerstonejs/core';
import { decoders, getImageFrame, postProcessDecodedPixels } from '@cornerstonejs/dicom-image-loader';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransferSyntax } from '@/domain/imaging/transfer-syntax';
import { toModalityImage } from './modality-image';
import { nativeModalityImage } from './native-image';

interface Pixels {
  rows: number;
  columns: number;
  bitsAllocated: 8 | 16;
  bitsStored: number;
  pixelRepresentation: 0 | 1;
  photometricInterpretation: 'MONOCHROME1' | 'MONOCHROME2';
  slope: number;
  intercept: number;
  window: [number, number] | null;
  words: number[];
  /** Bytes before the frame in its buffer (a multipart body's header): odd ones force a copy. */
  offset: number;
}

let modules: Record<string, unknown> = {};
const provider = (type: string, imageId: unknown) => (imageId === 'wadors:test' ? modules[type] : undefined);
beforeEach(() => metaData.addProvider(provider, 10_000));
afterEach(() => {
  metaData.removeProvider(provider);
  modules = {};
});

function register(p: Pixels, extra: Record<string, unknown> = {}): void {
  modules = {
    imagePixelModule: {
      samplesPerPixel: 1,
      photometricInterpretation: p.photometricInterpretation,
      rows: p.rows,
      columns: p.columns,
      bitsAllocated: p.bitsAllocated,
      bitsStored: p.bitsStored,
      pixelRepresentation: p.pixelRepresentation,
    },
    modalityLutModule: { rescaleSlope: p.slope, rescaleIntercept: p.intercept },
    voiLutModule: p.window ? { windowCenter: [p.window[0]], windowWidth: [p.window[1]] } : {},
    generalSeriesModule: { modality: 'CT' },
    imagePlaneModule: { rowPixelSpacing: 0.5, columnPixelSpacing: 0.7 },
    ...extra,
  };
}

/** A 16-bit greyscale frame of one row, identity rescale, no window: what each test varies from. */
const row16 = (overrides: Partial<Pixels>): Pixels => ({
  rows: 1,
  columns: 3,
  bitsAllocated: 16,
  bitsStored: 16,
  pixelRepresentation: 0,
  photometricInterpretation: 'MONOCHROME2',
  slope: 1,
  intercept: 0,
  window: null,
  words: [0, 0, 0],
  offset: 0,
  ...overrides,
});

/** The frame's bytes in little endian, after `offset` bytes of something else in the same buffer. */
function bytesOf(p: Pixels): Uint8Array {
  const size = p.bitsAllocated / 8;
  const buffer = new Uint8Array(p.offset + p.words.length * size + 3);
  p.words.forEach((word, i) => {
    buffer[p.offset + i * size] = word & 0xff;
    if (size === 2) buffer[p.offset + i * size + 1] = (word >> 8) & 0xff;
  });
  return buffer.subarray(p.offset, p.offset + p.words.length * size);
}

/** The loader's own path for such a frame (its worker's decode, pre-scale off), as createImage builds it. */
async function loaderImage(p: Pixels, bytes: Uint8Array): Promise<Types.IImage> {
  const frame = getImageFrame('wadors:test') as Types.IImageFrame;
  await decoders.LittleEndian(frame, bytes.slice());
  const decoded = postProcessDecodedPixels(
    frame,
    { preScale: { enabled: false } },
    0,
    {},
  ) as Types.IImageFrame;
  const pixels = decoded.pixelData;
  return {
    imageId: 'wadors:test',
    color: false,
    rows: p.rows,
    columns: p.columns,
    invert: p.photometricInterpretation === 'MONOCHROME1',
    windowCenter: p.window?.[0] ?? 0,
    windowWidth: p.window?.[1] ?? 0,
    imageFrame: decoded,
    getPixelData: () => pixels,
  } as unknown as Types.IImage;
}

const pixelsArbitrary = fc
  .record({
    rows: fc.integer({ min: 1, max: 6 }),
    columns: fc.integer({ min: 1, max: 6 }),
    bitsAllocated: fc.constantFrom<8 | 16>(8, 16),
    storedBelow: fc.integer({ min: 0, max: 5 }),
    pixelRepresentation: fc.constantFrom<0 | 1>(0, 1),
    photometricInterpretation: fc.constantFrom<'MONOCHROME1' | 'MONOCHROME2'>('MONOCHROME1', 'MONOCHROME2'),
    slope: fc.constantFrom(1, 2, 0.0625, -1),
    intercept: fc.constantFrom(0, -1024, 0.5),
    window: fc.option(fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 400 })), {
      nil: null,
    }),
    offset: fc.integer({ min: 0, max: 5 }),
    seed: fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 36, maxLength: 36 }),
  })
  .map(({ storedBelow, seed, ...p }): Pixels => {
    const words = seed.slice(0, p.rows * p.columns).map((word) => word & (2 ** p.bitsAllocated - 1));
    return { ...p, bitsStored: p.bitsAllocated - storedBelow, words };
  });

describe('nativeModalityImage', () => {
  it('gives the modality values, range, window and type the loader path gives, wherever the frame starts', async () => {
    await fc.assert(
      fc.asyncProperty(pixelsArbitrary, async (p) => {
        register(p);
        const bytes = bytesOf(p);
        const ours = nativeModalityImage('wadors:test', bytes, TransferSyntax.ExplicitVrLittleEndian, {});
        expect(ours).not.toBeNull();
        const fast = ours as Types.IImage;
        const loader = toModalityImage(await loaderImage(p, bytes));
        expect(Array.from(fast.getPixelData())).toEqual(Array.from(loader.getPixelData()));
        expect(fast.voxelManager?.getScalarData()).toBe(fast.getPixelData());
        expect(fast.imageFrame?.pixelData).toBe(fast.getPixelData());
        expect(fast.dataType).toBe(loader.dataType);
        expect([fast.minPixelValue, fast.maxPixelValue]).toEqual([
          loader.minPixelValue,
          loader.maxPixelValue,
        ]);
        expect(fast.preScale).toEqual(loader.preScale);
        if (p.window) expect([fast.windowCenter, fast.windowWidth]).toEqual(p.window);
        else expect([fast.windowCenter, fast.windowWidth]).toEqual([loader.windowCenter, loader.windowWidth]);
        expect(fast.invert).toBe(p.photometricInterpretation === 'MONOCHROME1');
        expect([fast.rows, fast.columns, fast.rowPixelSpacing, fast.columnPixelSpacing]).toEqual([
          p.rows,
          p.columns,
          0.5,
          0.7,
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every frame values of its own, aligned or not', () => {
    const p = row16({ pixelRepresentation: 1, window: [40, 400], words: [0xfc00, 0, 1000] });
    register(p);
    const read = (offset: number) =>
      nativeModalityImage(
        'wadors:test',
        bytesOf({ ...p, offset }),
        TransferSyntax.ImplicitVrLittleEndian,
        {},
      );
    const [odd, even, otherOdd] = [read(1), read(2), read(3)];
    for (const image of [odd, even, otherOdd]) {
      expect(Array.from(image?.getPixelData() ?? [])).toEqual([-1024, 0, 1000]);
      expect([image?.minPixelValue, image?.maxPixelValue]).toEqual([-1024, 1000]);
    }
    // The bytes copied to be read (odd offsets) are not what either image keeps.
    expect(odd?.getPixelData().buffer).not.toBe(otherOdd?.getPixelData().buffer);
  });

  it('leaves to the loader what it does not read: colour, other syntaxes, LUT sequences, a target buffer', () => {
    const p = row16({ columns: 2, words: [1, 2] });
    const bytes = bytesOf(p);
    const read = (syntax: string = TransferSyntax.ExplicitVrLittleEndian, options = {}) =>
      nativeModalityImage('wadors:test', bytes, syntax, options);
    register(p);
    expect(read()).not.toBeNull();
    expect(read(TransferSyntax.ExplicitVrBigEndian)).toBeNull();
    expect(read(TransferSyntax.DeflatedExplicitVrLittleEndian)).toBeNull();
    expect(read('1.2.840.10008.1.2.4.70')).toBeNull();
    expect(read(undefined, { targetBuffer: { type: 'Float32Array' } })).toBeNull();
    register(p, { modalityLutModule: { modalityLUTSequence: [{}] } });
    expect(read()).toBeNull();
    register(p, { voiLutModule: { voiLUTSequence: [{}] } });
    expect(read()).toBeNull();
    register({ ...p, photometricInterpretation: 'RGB' as 'MONOCHROME2' });
    expect(read()).toBeNull();
    register({ ...p, bitsAllocated: 32 as 16 });
    expect(read()).toBeNull();
  });
});
