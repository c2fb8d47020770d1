// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import type { FirstPaint } from '@/domain/imaging/first-paint';
import type { ImageSource } from '@/domain/imaging/image-source';
import { twoPixelGreyImage } from '@/domain/imaging/testing/dicom-json-builders';
import type { FrameBytes } from './frame-request';

/** The imaging door, replaced by frame requests the test answers. */
const door = vi.hoisted(() => ({
  requests: [] as { imageId: string; answer: (bytes: FrameBytes) => void }[],
}));
vi.mock('./frame-request', () => ({
  fetchFrame: (imageId: string) =>
    new Promise<FrameBytes>((resolve) => {
      door.requests.push({ imageId, answer: resolve });
    }),
}));

const { preparedFirstPaint, prepareFirstPaint } = await import('./first-paint-slot');
const { useFirstPaint, useFirstPaintCanvas } = await import('./use-first-paint');
const { whenRenderingMayStart } = await import('./rendering-gate');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const noToken = () => Promise.resolve(null);
const EXPLICIT = '1.2.840.10008.1.2.1';

let next = 0;
/** A 2×1 image of its own (early frames are kept per image for the page's life). */
function newSource(): ImageSource {
  next += 1;
  return {
    imageId: `wadors:https://pacs/studies/1/series/2/instances/${next}/frames/1`,
    seriesKey: 'https://pacs/studies/1/series/2' as SeriesKey,
    metadata: twoPixelGreyImage(),
  };
}

const answer = (imageId: string) =>
  door.requests
    .find((request) => request.imageId === imageId)
    ?.answer({ pixelData: new Uint8Array([0, 255]), transferSyntax: EXPLICIT });

/** Every value the hook returned, render by render. */
function renderRecorded(source: ImageSource | null) {
  const seen: (FirstPaint | null)[] = [];
  const hook = renderHook(
    ({ shown }: { shown: ImageSource | null }) => {
      const paint = useFirstPaint(shown, noToken);
      seen.push(paint);
      return paint;
    },
    { initialProps: { shown: source } },
  );
  return { ...hook, seen };
}

describe('useFirstPaint', () => {
  it('gives a paint prepared before the viewport existed in its very first render', async () => {
    const source = newSource();
    const prepared = prepareFirstPaint(source.imageId, source.metadata, noToken);
    answer(source.imageId);
    const paint = await prepared;
    const { seen } = renderRecorded(source);
    expect(paint).not.toBeNull();
    expect(seen[0]).toBe(paint);
  });

  it('gives null until the frame is in, then the paint; and forgets it once the renderer drew', async () => {
    const source = newSource();
    const { seen, result, rerender } = renderRecorded(source);
    expect(seen[0]).toBeNull();
    answer(source.imageId);
    await waitFor(() => expect(result.current).toMatchObject({ columns: 2, rows: 1 }));
    expect(preparedFirstPaint(source.imageId)).toBe(result.current);
    // The renderer has drawn: the viewport asks for no first paint, and the pixels are let go.
    rerender({ shown: null });
    expect(result.current).toBeNull();
    expect(preparedFirstPaint(source.imageId)).toBeNull();
  });

  it('has the renderer’s chunks fetched only once the frame is in', async () => {
    const meta = document.createElement('meta');
    meta.name = 'rendering-chunks';
    meta.content = '/assets/runtime.js';
    document.head.append(meta);
    const preloads = () => document.querySelectorAll('link[rel="modulepreload"]').length;
    try {
      const source = newSource();
      const { result } = renderRecorded(source);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(preloads()).toBe(0);
      answer(source.imageId);
      await waitFor(() => expect(result.current).not.toBeNull());
      expect(preloads()).toBe(1);
    } finally {
      meta.remove();
      document.querySelectorAll('link[rel="modulepreload"]').forEach((link) => link.remove());
    }
  });

  it('lets the renderer start once the first paint is on screen (a frame after its drawing), not before', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe(): void {}
        disconnect(): void {}
      },
    );
    const source = newSource();
    const { result } = renderHook(() => {
      const paint = useFirstPaint(source, noToken);
      return { paint, attach: useFirstPaintCanvas(paint) };
    });
    let mayStart = false;
    void whenRenderingMayStart().then(() => (mayStart = true));
    answer(source.imageId);
    await waitFor(() => expect(result.current.paint).not.toBeNull());
    const canvas = document.createElement('canvas');
    vi.spyOn(canvas, 'getContext').mockReturnValue(null);
    act(() => void result.current.attach(canvas));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Drawn, but its frame has not come yet: Cornerstone's start would hold that frame back.
    expect(mayStart).toBe(false);
    frames.shift()?.(performance.now());
    await waitFor(() => expect(mayStart).toBe(true));
  });
});
