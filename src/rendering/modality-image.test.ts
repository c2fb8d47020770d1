import { metaData, type Types } from '@cornerstonejs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toModalityImage, withUsableWindow } from './modality-image';

/** Metadata per test image id, as Cornerstone's providers would give it after registration. */
const modules: Record<string, Record<string, unknown>> = {
  'test:ct16': {
    modalityLutModule: { rescaleSlope: 0.0625, rescaleIntercept: -1024 },
    generalSeriesModule: { modality: 'CT' },
    voiLutModule: { windowCenter: [40], windowWidth: [400] },
  },
  'test:s8': { modalityLutModule: {}, generalSeriesModule: { modality: 'OT' }, voiLutModule: {} },
};
const provider = (type: string, imageId: unknown) =>
  typeof imageId === 'string' ? modules[imageId]?.[type] : undefined;

/** What createImage returns with pre-scale off: the stored values, typed to fit them. */
function storedImage(
  imageId: string,
  pixels: Uint8Array | Uint16Array,
  bits: { stored: number; signed: boolean },
) {
  const frame = {
    samplesPerPixel: 1,
    bitsAllocated: pixels instanceof Uint8Array ? 8 : 16,
    bitsStored: bits.stored,
    pixelRepresentation: bits.signed ? 1 : 0,
    photometricInterpretation: 'MONOCHROME2',
    pixelData: pixels,
  };
  const image = {
    imageId,
    color: false,
    rows: 1,
    columns: pixels.length,
    windowCenter: 1,
    windowWidth: 1,
    imageFrame: frame,
    getPixelData: () => pixels,
  };
  return image as unknown as Types.IImage;
}

describe('toModalityImage', () => {
  beforeAll(() => metaData.addProvider(provider, 10_000));
  afterAll(() => metaData.removeProvider(provider));

  it('gives a rescaled image its modality values, marked pre-scaled, its own window kept', () => {
    const image = toModalityImage(
      storedImage('test:ct16', Uint16Array.from([0, 17024, 48768]), { stored: 16, signed: false }),
    );
    expect(Array.from(image.getPixelData())).toEqual([-1024, 40, 2024]);
    expect(Array.from(image.voxelManager?.getScalarData() as ArrayLike<number>)).toEqual([-1024, 40, 2024]);
    expect([image.minPixelValue, image.maxPixelValue]).toEqual([-1024, 2024]);
    expect(image.dataType).toBe('Int16Array');
    expect(image.preScale).toMatchObject({
      scaled: true,
      scalingParameters: { rescaleSlope: 0.0625, modality: 'CT' },
    });
    expect([image.windowCenter, image.windowWidth]).toEqual([1, 1]);
  });

  it('signed bytes come out signed; without a window the modality range is the window', () => {
    const image = toModalityImage(
      storedImage('test:s8', Uint8Array.from([0x80, 0xff, 0x7f]), { stored: 8, signed: true }),
    );
    expect(Array.from(image.getPixelData())).toEqual([-128, -1, 127]);
    expect(image.preScale).toBeUndefined();
    expect(image.windowWidth).toBeGreaterThanOrEqual(255);
    expect(image.windowCenter).toBeCloseTo(0, 0);
  });

  it('leaves colour images alone', () => {
    const colour = {
      ...storedImage('test:s8', Uint8Array.from([1, 2, 3]), { stored: 8, signed: false }),
      color: true,
    };
    const pixels = colour.getPixelData();
    expect(toModalityImage(colour).getPixelData()).toBe(pixels);
  });

  it('replaces a window of width 0, a negative one or one without a centre by the pixel range', () => {
    for (const [center, width] of [
      [40, 0],
      [40, -400],
      [Number.NaN, 400],
      [[40], [0]],
    ] as const) {
      const image = { windowCenter: center, windowWidth: width, minPixelValue: -1000, maxPixelValue: 3000 };
      const fixed = withUsableWindow(image as unknown as Types.IImage);
      expect(fixed.windowWidth).toBeGreaterThanOrEqual(4000);
      expect(Math.abs(Number(fixed.windowCenter) - 1000)).toBeLessThanOrEqual(1);
    }
    const valid = {
      windowCenter: [40],
      windowWidth: [1],
      minPixelValue: 0,
      maxPixelValue: 1,
    } as unknown as Types.IImage;
    expect(withUsableWindow(valid).windowWidth).toEqual([1]);
  });
});
