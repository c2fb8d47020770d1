import { beforeEach, describe, expect, it, vi } from 'vitest';
import { text, twoPixelGreyImage } from '@/domain/imaging/testing/dicom-json-builders';
import type { FrameBytes } from './frame-request';

/** The imaging door, replaced by frame requests the test answers (or fails). */
const door = vi.hoisted(() => ({
  requests: [] as { imageId: string; answer: (bytes: FrameBytes | null) => void }[],
}));
vi.mock('./frame-request', () => ({
  fetchFrame: (imageId: string) =>
    new Promise<FrameBytes>((resolve, reject) => {
      door.requests.push({
        imageId,
        answer: (bytes) => (bytes ? resolve(bytes) : reject(new TypeError('Failed to fetch'))),
      });
    }),
}));

/** The renderer's chunks (megabytes to compile): asked for through this spy. */
const rendering = vi.hoisted(() => ({ prefetch: vi.fn() }));
vi.mock(import('./load-rendering'), async (original) => ({
  ...(await original()),
  prefetchRendering: rendering.prefetch,
}));

const { forgetFirstPaint, preparedFirstPaint, prepareFirstPaint } = await import('./first-paint-slot');

const noToken = () => Promise.resolve(null);
const EXPLICIT = '1.2.840.10008.1.2.1';

/** A 2×1 8-bit image, window 128/256. */
const metadata = twoPixelGreyImage({ '00281050': text('DS', 128), '00281051': text('DS', 256) });

let next = 0;
const newImageId = () => `wadors:https://pacs/studies/1/series/2/instances/${(next += 1)}/frames/1`;
const answer = (imageId: string, bytes: FrameBytes | null) =>
  door.requests.find((request) => request.imageId === imageId)?.answer(bytes);

beforeEach(() => {
  door.requests.length = 0;
  rendering.prefetch.mockClear();
});

describe('the first paint slot', () => {
  it('computes an image’s paint once, when its frame is in, for whoever asks first or next', async () => {
    const imageId = newImageId();
    const first = prepareFirstPaint(imageId, metadata, noToken);
    expect(preparedFirstPaint(imageId)).toBeNull();
    expect(prepareFirstPaint(imageId, metadata, noToken)).toBe(first);
    expect(door.requests.map((request) => request.imageId)).toEqual([imageId]);
    answer(imageId, { pixelData: new Uint8Array([0, 255]), transferSyntax: EXPLICIT });
    const paint = await first;
    expect(paint).toMatchObject({ columns: 2, rows: 1 });
    expect(preparedFirstPaint(imageId)).toBe(paint);
    expect(preparedFirstPaint(newImageId())).toBeNull();
  });

  it('keeps one image: another takes its place, and a forgotten one is gone', async () => {
    const a = newImageId();
    const b = newImageId();
    void prepareFirstPaint(a, metadata, noToken);
    answer(a, { pixelData: new Uint8Array([1, 2]), transferSyntax: EXPLICIT });
    await prepareFirstPaint(a, metadata, noToken);
    const pending = prepareFirstPaint(b, metadata, noToken);
    expect(preparedFirstPaint(a)).toBeNull();
    answer(b, { pixelData: new Uint8Array([3, 4]), transferSyntax: EXPLICIT });
    await pending;
    expect(preparedFirstPaint(b)).not.toBeNull();
    forgetFirstPaint(b);
    expect(preparedFirstPaint(b)).toBeNull();
  });

  it('gives null for a frame that failed and for bytes it cannot draw exactly', async () => {
    const failed = newImageId();
    const pending = prepareFirstPaint(failed, metadata, noToken);
    answer(failed, null);
    expect(await pending).toBeNull();
    const compressed = newImageId();
    const refused = prepareFirstPaint(compressed, metadata, noToken);
    answer(compressed, { pixelData: new Uint8Array([1, 2]), transferSyntax: '1.2.840.10008.1.2.4.50' });
    expect(await refused).toBeNull();
    expect(preparedFirstPaint(compressed)).toBeNull();
  });

  it('has the renderer’s chunks fetched once the frame is in, or failed, and not before', async () => {
    const imageId = newImageId();
    const pending = prepareFirstPaint(imageId, metadata, noToken);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(rendering.prefetch).not.toHaveBeenCalled();
    answer(imageId, { pixelData: new Uint8Array([0, 255]), transferSyntax: EXPLICIT });
    await pending;
    expect(rendering.prefetch).toHaveBeenCalledTimes(1);
    const failed = newImageId();
    const refused = prepareFirstPaint(failed, metadata, noToken);
    answer(failed, null);
    await refused;
    expect(rendering.prefetch).toHaveBeenCalledTimes(2);
  });
});
