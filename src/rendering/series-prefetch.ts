import { Enums, imageLoader } from '@cornerstonejs/core';
import { useSyncExternalStore } from 'react';
import type { SeriesKey } from '@/domain/dicomweb/series-key';

export interface SeriesProgress {
  loaded: number;
  failed: number;
  total: number;
}

/**
 * Six at a time: enough to keep a PACS busy, few enough that the image the user scrolls to (an
 * Interaction request) never queues behind a whole series.
 */
const PREFETCH_CONCURRENCY = 6;

const progressByKey = new Map<SeriesKey, SeriesProgress>();
const listeners = new Set<() => void>();
const running = new Map<SeriesKey, { users: number; cancelled: boolean }>();

function publish(key: SeriesKey, progress: SeriesProgress): void {
  progressByKey.set(key, progress);
  for (const listener of listeners) listener();
}

/**
 * Loads every frame of a series into Cornerstone's cache in the background, in stack order from the
 * image shown, with bounded concurrency; reports progress by series key. Returns a release function:
 * the prefetch stops (after the requests in flight) when no viewport shows the series any more.
 * Metadata must have been registered for the image ids first.
 */
export function prefetchSeries(key: SeriesKey, imageIds: readonly string[], startIndex = 0): () => void {
  const existing = running.get(key);
  if (existing) {
    existing.users += 1;
    return () => release(key);
  }
  const job = { users: 1, cancelled: false };
  running.set(key, job);
  const order = [...imageIds.slice(startIndex), ...imageIds.slice(0, startIndex)];
  const progress: SeriesProgress = { loaded: 0, failed: 0, total: imageIds.length };
  publish(key, { ...progress });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!job.cancelled && next < order.length) {
      const imageId = order[next++];
      if (!imageId) continue;
      try {
        await imageLoader.loadAndCacheImage(imageId, {
          priority: 0,
          requestType: Enums.RequestType.Prefetch,
        });
        progress.loaded += 1;
      } catch {
        // The viewport reports a frame that cannot be shown when it is shown; here it only counts.
        progress.failed += 1;
      }
      publish(key, { ...progress });
    }
  };
  void Promise.all(Array.from({ length: PREFETCH_CONCURRENCY }, worker)).then(() => {
    if (running.get(key) === job) running.delete(key);
  });
  return () => release(key);
}

function release(key: SeriesKey): void {
  const job = running.get(key);
  if (!job) return;
  job.users -= 1;
  if (job.users > 0) return;
  job.cancelled = true;
  running.delete(key);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How much of a series is in the cache, for its thumbnail's progress bar; null before any prefetch. */
export function useSeriesProgress(key: SeriesKey | null): SeriesProgress | null {
  return useSyncExternalStore(subscribe, () => (key ? (progressByKey.get(key) ?? null) : null));
}
