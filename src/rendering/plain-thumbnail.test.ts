import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import type { DicomJsonInstance } from '@/domain/imaging/dicom-json';
import type { ImageSource } from '@/domain/imaging/image-source';
import { twoPixelGreyImage } from '@/domain/imaging/testing/dicom-json-builders';
import type { FrameBytes } from './frame-request';

/** The imaging door, replaced by answers the test gives. */
const door = vi.hoisted(() => ({ asked: [] as string[], answer: null as FrameBytes | null }));
vi.mock('./frame-request', () => ({
  fetchFrame: (imageId: string) => {
    door.asked.push(imageId);
    return door.answer ? Promise.resolve(door.answer) : Promise.reject(new Error('404'));
  },
}));

const { plainThumbnailOf } = await import('./plain-thumbnail');
const { hasEarlyFrame, keepEarlyFrame, takeEarlyFrame } = await import('./early-frames');

const EXPLICIT = '1.2.840.10008.1.2.1';
const NATIVE_FRAME: FrameBytes = { pixelData: new Uint8Array([0, 255]), transferSyntax: EXPLICIT };
const JPEG_FRAME: FrameBytes = {
  pixelData: new Uint8Array([0xff, 0xd8]),
  transferSyntax: '1.2.840.10008.1.2.4.50',
};
const noToken = () => Promise.resolve(null);
const wanted = () => false;

let next = 0;
function source(metadata: DicomJsonInstance = twoPixelGreyImage(), scheme = 'wadors'): ImageSource {
  next += 1;
  return {
    imageId: `${scheme}:https://pacs/studies/1/series/2/instances/${next}/frames/1`,
    seriesKey: 'https://pacs/studies/1/series/2' as SeriesKey,
    metadata,
  };
}

afterEach(() => {
  door.asked = [];
  door.answer = null;
});

describe('plainThumbnailOf', () => {
  it('draws a native grey frame without Cornerstone, and keeps no copy of it', async () => {
    door.answer = NATIVE_FRAME;
    const image = source();
    const paint = await plainThumbnailOf(image, noToken, wanted);
    expect(paint).toMatchObject({ columns: 2, rows: 1 });
    expect(Array.from(paint?.rgba ?? [])).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    expect(hasEarlyFrame(image.imageId)).toBe(false);
  });

  it('uses a frame the viewer has already fetched, and leaves it for the viewer’s loader', async () => {
    const image = source();
    keepEarlyFrame(image.imageId, Promise.resolve(NATIVE_FRAME));
    expect(await plainThumbnailOf(image, noToken, wanted)).not.toBeNull();
    expect(door.asked).toEqual([]);
    expect(hasEarlyFrame(image.imageId)).toBe(true);
  });

  it('leaves a frame it cannot draw exactly to Cornerstone, whose loader takes the bytes without asking again', async () => {
    door.answer = JPEG_FRAME;
    const image = source();
    expect(await plainThumbnailOf(image, noToken, wanted)).toBeNull();
    expect(await takeEarlyFrame(image.imageId)).toBe(JPEG_FRAME);
    expect(door.asked).toEqual([image.imageId]);
  });

  it('keeps nothing for a thumbnail no longer wanted, nor for a frame that could not be had', async () => {
    door.answer = JPEG_FRAME;
    const gone = source();
    expect(await plainThumbnailOf(gone, noToken, () => true)).toBeNull();
    expect(hasEarlyFrame(gone.imageId)).toBe(false);
    door.answer = null;
    const failed = source();
    expect(await plainThumbnailOf(failed, noToken, wanted)).toBeNull();
    expect(hasEarlyFrame(failed.imageId)).toBe(false);
  });

  it('asks for nothing it could not draw anyway: a file, a colour image, a radiograph-sized frame', async () => {
    expect(await plainThumbnailOf(source(twoPixelGreyImage(), 'wadouri'), noToken, wanted)).toBeNull();
    const colour = twoPixelGreyImage({ '00280004': { vr: 'CS', Value: ['RGB'] } });
    expect(await plainThumbnailOf(source(colour), noToken, wanted)).toBeNull();
    const big = twoPixelGreyImage({
      '00280010': { vr: 'US', Value: [3000] },
      '00280011': { vr: 'US', Value: [2500] },
    });
    expect(await plainThumbnailOf(source(big), noToken, wanted)).toBeNull();
    expect(door.asked).toEqual([]);
  });
});
