import PQueue from 'p-queue';
import type { SeriesKey } from '@/domain/dicomweb/series-key';

/**
 * Series metadata requests in flight at once. A study of 2,000 series must not send 2,000 requests
 * (the browser queues them six per origin anyway, and the frame the clinician waits for queues
 * behind them); four keep a PACS busy while a viewport's own request never waits long.
 */
export const SERIES_METADATA_CONCURRENCY = 4;

/** Series a viewport shows jump the queue ahead of thumbnails. */
const SHOWN_PRIORITY = 1;
const LISTED_PRIORITY = 0;

/**
 * p-queue rather than a hand-written queue: it has priorities that can change while a task waits
 * (`setPriority` by id) and drops a waiting task when its AbortSignal fires, which is what lets a
 * thumbnail scrolled out of view withdraw its request before it is sent.
 */
export function createSeriesMetadataQueue(concurrency = SERIES_METADATA_CONCURRENCY) {
  const queue = new PQueue({ concurrency });
  const shown = new Map<SeriesKey, number>();
  const priorityOf = (key: SeriesKey) => (shown.has(key) ? SHOWN_PRIORITY : LISTED_PRIORITY);

  const reprioritise = (key: SeriesKey) => {
    try {
      queue.setPriority(key, priorityOf(key));
    } catch {
      // Not waiting (running, done or never asked for): nothing to move.
    }
  };

  return {
    /**
     * Runs `task` when a slot is free, series shown in a viewport first. When `signal` aborts
     * before the task starts, the task never runs (no request goes out) and the promise rejects.
     */
    schedule<T>(key: SeriesKey, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      return queue.add(task, { id: key, priority: priorityOf(key), ...(signal ? { signal } : {}) });
    },

    /** Marks series as shown in a viewport until the returned function is called. */
    markShown(keys: readonly SeriesKey[]): () => void {
      for (const key of keys) {
        shown.set(key, (shown.get(key) ?? 0) + 1);
        reprioritise(key);
      }
      return () => {
        for (const key of keys) {
          const users = (shown.get(key) ?? 1) - 1;
          if (users > 0) shown.set(key, users);
          else shown.delete(key);
          reprioritise(key);
        }
      };
    },

    /** For tests and the bench: how many tasks run, how many wait. */
    get counts() {
      return { running: queue.pending, waiting: queue.size };
    },
  };
}

/** The one queue every series metadata request of the app goes through. */
export const seriesMetadataQueue = createSeriesMetadataQueue();
