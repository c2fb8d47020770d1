// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SeriesKey } from '@/domain/dicomweb/series-key';

/** Cornerstone's loader, replaced by one whose loads finish (or fail) when the test says so. */
const loader = vi.hoisted(() => {
  const pending: { imageId: string; fetched: () => void; finish: () => void; fail: () => void }[] = [];
  const events = new EventTarget();
  return {
    pending,
    events,
    started: [] as string[],
    loadAndCacheImage: (imageId: string, options: { onFrameFetched?: () => void }) => {
      loader.started.push(imageId);
      return new Promise<void>((resolve, reject) =>
        pending.push({
          imageId,
          fetched: () => options.onFrameFetched?.(),
          finish: () => {
            events.dispatchEvent(new CustomEvent('loaded', { detail: { image: { imageId } } }));
            resolve();
          },
          fail: () => reject(new Error('no answer')),
        }),
      );
    },
  };
});
vi.mock('@cornerstonejs/core', () => ({
  Enums: { RequestType: { Prefetch: 'prefetch' } },
  EVENTS: { IMAGE_LOADED: 'loaded' },
  eventTarget: loader.events,
  imageLoader: { loadAndCacheImage: loader.loadAndCacheImage },
}));

const { prefetchSeries, PREFETCH_RETRY_SECONDS } = await import('./series-prefetch');
const { interactionRequestSent } = await import('./load-priority');
const { keepEarlyFrame } = await import('./early-frames');
const { useSeriesProgress } = await import('./series-progress');
const { renderHook } = await import('@testing-library/react');

const ids = (count: number) => Array.from({ length: count }, (_, i) => `wadors:frame-${i}`);
const settle = async () => {
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);
};
async function finishAll() {
  await settle();
  while (loader.pending.length > 0) {
    for (const load of loader.pending.splice(0)) load.finish();
    await settle();
  }
}
async function failAll() {
  await settle();
  while (loader.pending.length > 0) {
    for (const load of loader.pending.splice(0)) load.fail();
    await settle();
  }
}
/** Another part of the app (the viewport) loads this image. */
const loadedElsewhere = (imageId: string) =>
  loader.events.dispatchEvent(new CustomEvent('loaded', { detail: { image: { imageId } } }));

beforeEach(() => {
  vi.useFakeTimers();
  loader.pending.length = 0;
  loader.started.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('prefetchSeries', () => {
  it('loads from the image after the shown one onwards, then wraps, a few at a time', async () => {
    prefetchSeries('series-a' as SeriesKey, ids(10), 7);
    await settle();
    expect(loader.started).toHaveLength(6);
    await finishAll();
    expect(loader.started).toEqual([8, 9, 0, 1, 2, 3, 4, 5, 6, 7].map((i) => `wadors:frame-${i}`));
  });

  it('loads first the images whose bytes are here already (a series request brings them in its own order)', async () => {
    const frames = Array.from({ length: 10 }, (_, i) => `wadors:streamed-${i}`);
    for (const i of [6, 3]) keepEarlyFrame(frames[i] ?? '', new Promise<null>(() => undefined));
    prefetchSeries('series-g' as SeriesKey, frames, 0);
    await finishAll();
    expect(loader.started).toEqual([3, 6, 1, 2, 4, 5, 7, 8, 9, 0].map((i) => `wadors:streamed-${i}`));
  });

  it('leaves the shown image to its viewport: once that loads it, the prefetch does not ask again', async () => {
    prefetchSeries('series-f' as SeriesKey, ids(8), 0);
    loadedElsewhere('wadors:frame-0');
    await finishAll();
    expect(loader.started).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `wadors:frame-${i}`));
  });

  it('stops once no viewport shows the series any more, but not while one still does', async () => {
    const first = prefetchSeries('series-b' as SeriesKey, ids(20));
    const second = prefetchSeries('series-b' as SeriesKey, ids(20));
    await settle();
    first();
    for (const load of loader.pending.splice(0)) load.finish();
    await settle();
    expect(loader.started.length).toBeGreaterThan(6);

    second();
    const startedAtRelease = loader.started.length;
    await finishAll();
    // The loads in flight finish; no new one starts.
    expect(loader.started).toHaveLength(startedAtRelease);
    expect(startedAtRelease).toBeLessThan(20);
  });

  it('pauses on a server that stops answering, probes it with one image, and resumes when it answers', async () => {
    const key = 'series-c' as SeriesKey;
    const release = prefetchSeries(key, ids(100));
    const progress = renderHook(() => useSeriesProgress(key));
    await settle();
    await failAll();
    // A few failures in a row (what was in flight when they came), not a hundred requests.
    const firstWave = loader.started.length;
    expect(firstWave).toBeLessThan(12);
    expect(progress.result.current).toEqual({ loaded: 0, failed: firstWave, total: 100 });

    // Still down: one probe after the first wait, the next only after a longer one.
    await vi.advanceTimersByTimeAsync((PREFETCH_RETRY_SECONDS[0] ?? 0) * 1000);
    expect(loader.started).toHaveLength(firstWave + 1);
    await failAll();
    await vi.advanceTimersByTimeAsync((PREFETCH_RETRY_SECONDS[0] ?? 0) * 1000);
    expect(loader.started).toHaveLength(firstWave + 1);

    // Back: the probe loads, and the rest of the series follows, the failed images included.
    await vi.advanceTimersByTimeAsync((PREFETCH_RETRY_SECONDS[1] ?? 0) * 1000);
    expect(loader.started).toHaveLength(firstWave + 2);
    await finishAll();
    expect(progress.result.current).toEqual({ loaded: 100, failed: 0, total: 100 });
    release();
  });

  it('resumes at once when the viewport loads an image of the series, and stops counting it as failed', async () => {
    const key = 'series-d' as SeriesKey;
    const release = prefetchSeries(key, ids(30));
    const progress = renderHook(() => useSeriesProgress(key));
    await settle();
    await failAll();
    const failed = progress.result.current?.failed ?? 0;
    expect(failed).toBeGreaterThan(0);

    loadedElsewhere('wadors:frame-1');
    await settle();
    expect(progress.result.current).toEqual({ loaded: 1, failed: failed - 1, total: 30 });
    // No wait for the next probe: the server is back.
    expect(loader.pending).toHaveLength(6);
    await finishAll();
    expect(progress.result.current).toEqual({ loaded: 30, failed: 0, total: 30 });
    release();
  });

  it('keeps asking after frames that fail on their own, one at a time, while the series is shown', async () => {
    const key = 'series-e' as SeriesKey;
    const release = prefetchSeries(key, ids(8));
    await settle();
    // Frame 3 is broken; the others load.
    while (loader.pending.length > 0) {
      for (const load of loader.pending.splice(0)) (load.imageId.endsWith('-3') ? load.fail : load.finish)();
      await settle();
    }
    const before = loader.started.length;
    await vi.advanceTimersByTimeAsync(60_000);
    await failAll();
    expect(loader.started.length - before).toBeLessThanOrEqual(4);
    release();
    const atRelease = loader.started.length;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(loader.started).toHaveLength(atRelease);
  });

  it('asks for the next images while the ones in hand decode, with few decodes pending', async () => {
    const release = prefetchSeries('series-g' as SeriesKey, ids(30));
    await settle();
    expect(loader.started).toHaveLength(6);
    // The bytes of the six are in; none has decoded yet: the requests go on, but not for ever.
    for (const load of loader.pending) load.fetched();
    await settle();
    const whileDecoding = loader.started.length;
    expect(whileDecoding).toBeGreaterThan(6);
    for (const load of loader.pending) load.fetched();
    await settle();
    expect(loader.started).toHaveLength(whileDecoding);
    // Decodes end: the series completes.
    await finishAll();
    expect(new Set(loader.started).size).toBe(30);
    release();
  });

  it('sends nothing new while a viewport request is on the wire, and goes on once it settles', async () => {
    const settled = interactionRequestSent();
    const release = prefetchSeries('series-h' as SeriesKey, ids(10));
    await settle();
    expect(loader.started).toHaveLength(0);
    settled();
    await settle();
    expect(loader.started).toHaveLength(6);
    await finishAll();
    release();
  });

  it('does not wait for ever on a viewport request that never settles', async () => {
    interactionRequestSent();
    const release = prefetchSeries('series-i' as SeriesKey, ids(10));
    await settle();
    expect(loader.started).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(loader.started.length).toBeGreaterThan(0);
    release();
  });
});
