import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SeriesKey } from '@/domain/dicomweb/series-key';

/** Cornerstone's loader, replaced by one whose loads finish when the test says so. */
const loader = vi.hoisted(() => {
  const pending: { imageId: string; finish: () => void }[] = [];
  return {
    pending,
    started: [] as string[],
    loadAndCacheImage: (imageId: string) => {
      loader.started.push(imageId);
      return new Promise<void>((resolve) => pending.push({ imageId, finish: resolve }));
    },
  };
});
vi.mock('@cornerstonejs/core', () => ({
  Enums: { RequestType: { Prefetch: 'prefetch' } },
  imageLoader: { loadAndCacheImage: loader.loadAndCacheImage },
}));

const { prefetchSeries } = await import('./series-prefetch');

const ids = (count: number) => Array.from({ length: count }, (_, i) => `wadors:frame-${i}`);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
async function finishAll() {
  while (loader.pending.length > 0) {
    for (const load of loader.pending.splice(0)) load.finish();
    await settle();
  }
}

beforeEach(() => {
  loader.pending.length = 0;
  loader.started.length = 0;
});

describe('prefetchSeries', () => {
  it('loads from the shown image onwards, then wraps, a few at a time', async () => {
    prefetchSeries('series-a' as SeriesKey, ids(10), 7);
    await settle();
    expect(loader.started).toHaveLength(6);
    await finishAll();
    expect(loader.started).toEqual([7, 8, 9, 0, 1, 2, 3, 4, 5, 6].map((i) => `wadors:frame-${i}`));
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
});
