import { useSyncExternalStore } from 'react';
import type { SeriesKey } from '@/domain/dicomweb/series-key';

export interface SeriesProgress {
  loaded: number;
  /** Images whose last attempt failed and that have not loaded since. */
  failed: number;
  total: number;
}

/**
 * How much of each series is in Cornerstone's cache, by series key: written by the prefetch
 * (series-prefetch.ts), read by the thumbnails. Kept apart from the prefetch so that a thumbnail
 * renders without Cornerstone loaded.
 */
const progressByKey = new Map<SeriesKey, SeriesProgress>();
const listeners = new Set<() => void>();

export function publishSeriesProgress(key: SeriesKey, progress: SeriesProgress): void {
  progressByKey.set(key, progress);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How much of a series is in the cache, for its thumbnail's progress bar; null before any prefetch. */
export function useSeriesProgress(key: SeriesKey | null): SeriesProgress | null {
  return useSyncExternalStore(subscribe, () => (key ? (progressByKey.get(key) ?? null) : null));
}
