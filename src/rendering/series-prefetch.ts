import { EVENTS, eventTarget, imageLoader } from '@cornerstonejs/core';
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import { hasEarlyFrame } from './early-frames';
import { prefetchOptions } from './load-options';
import { whenNoInteractionRequest } from './load-priority';
import { publishSeriesProgress } from './series-progress';

/**
 * Six requests at a time (a browser's connections to one server): enough to keep a PACS busy; a
 * request for the image the user scrolls to goes before any new one (load-priority.ts).
 */
const PREFETCH_CONCURRENCY = 6;
/**
 * Frames whose bytes are in and whose decode is pending: the requests go on while the decoder works
 * (one worker on a small machine), and no more than this many frames' bytes wait in memory.
 */
const DECODES_PENDING_MAX = 6;
/** This many failures in a row and the server is taken to be down: the rest waits until it answers. */
const FAILURES_IN_A_ROW_TO_PAUSE = PREFETCH_CONCURRENCY;
/** Waits before asking a failing server again with one image, then every 30 s while the series is shown. */
export const PREFETCH_RETRY_SECONDS = [2, 5, 10, 20, 30] as const;

interface Job {
  readonly imageIds: readonly string[];
  /**
   * The order to fetch in: from the image after the one shown onwards, wrapping round, the one shown
   * last (its viewport loads it; the prefetch can start beside that load without taking it over).
   */
  readonly order: readonly string[];
  users: number;
  cancelled: boolean;
  readonly loaded: Set<string>;
  readonly failed: Set<string>;
  /** Loads whose bytes are in, decoding. */
  readonly decoding: Set<Promise<boolean>>;
  /** A round of fetching is under way (not waiting to probe the server). */
  fetching: boolean;
  retries: number;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  stopListening: () => void;
}

const running = new Map<SeriesKey, Job>();

function publish(key: SeriesKey, job: Job): void {
  publishSeriesProgress(key, {
    loaded: job.loaded.size,
    failed: job.failed.size,
    total: job.imageIds.length,
  });
}

/**
 * Loads every frame of a series into Cornerstone's cache in the background, in stack order from the
 * image shown (which its viewport loads), with bounded concurrency; reports progress by series key. A server that stops answering
 * costs a few requests, not one per frame: after several failures in a row the prefetch pauses and
 * asks again with one image, waiting longer each time; once the server answers (or any image of the
 * series loads, say the one the user is looking at) it resumes by itself, and the images that failed
 * count as failed only until they load. Returns a release function: the prefetch stops (after the
 * requests in flight) when no viewport shows the series any more. Metadata must have been registered
 * for the image ids first.
 */
export function prefetchSeries(key: SeriesKey, imageIds: readonly string[], startIndex = 0): () => void {
  const existing = running.get(key);
  if (existing) {
    existing.users += 1;
    return () => release(key);
  }
  const inSeries = new Set(imageIds);
  const job: Job = {
    imageIds,
    order: [...imageIds.slice(startIndex + 1), ...imageIds.slice(0, startIndex + 1)],
    users: 1,
    cancelled: false,
    loaded: new Set(),
    failed: new Set(),
    decoding: new Set(),
    fetching: false,
    retries: 0,
    retryTimer: undefined,
    stopListening: () => undefined,
  };
  // Whoever loads an image of this series (the viewport, most often) tells us the server is back.
  const onImageLoaded = (event: Event) => {
    const imageId = (event as CustomEvent<{ image?: { imageId?: unknown } }>).detail.image?.imageId;
    if (typeof imageId !== 'string' || !inSeries.has(imageId) || job.cancelled) return;
    job.failed.delete(imageId);
    if (!job.loaded.has(imageId)) {
      job.loaded.add(imageId);
      publish(key, job);
    }
    if (!job.fetching && job.retryTimer !== undefined) {
      clearTimeout(job.retryTimer);
      job.retryTimer = undefined;
      job.retries = 0;
      void fetchRound(key, job);
    }
  };
  eventTarget.addEventListener(EVENTS.IMAGE_LOADED, onImageLoaded);
  job.stopListening = () => eventTarget.removeEventListener(EVENTS.IMAGE_LOADED, onImageLoaded);
  running.set(key, job);
  publish(key, job);
  void fetchRound(key, job);
  return () => release(key);
}

/** Fetches what is not loaded yet; on failures, waits and probes before the next round. */
async function fetchRound(key: SeriesKey, job: Job): Promise<void> {
  job.fetching = true;
  const queue = job.order.filter((imageId) => !job.loaded.has(imageId));
  let failuresInARow = 0;
  const worker = async (): Promise<void> => {
    while (!job.cancelled && failuresInARow < FAILURES_IN_A_ROW_TO_PAUSE) {
      const imageId = nextToLoad(queue);
      if (imageId === undefined) return;
      // Loaded meanwhile by someone else (the viewport, its own image most often).
      if (job.loaded.has(imageId)) continue;
      if (await load(key, job, imageId)) failuresInARow = 0;
      else failuresInARow += 1;
    }
  };
  await Promise.all(Array.from({ length: PREFETCH_CONCURRENCY }, worker));
  await Promise.all(job.decoding);
  job.fetching = false;
  if (job.cancelled) return;
  if (job.loaded.size >= job.imageIds.length) return finish(key, job);
  scheduleProbe(key, job);
}

/**
 * The next image to load: one whose bytes are here or on their way already (a series request brings
 * them in the server's order, early-frames.ts), else the next in stack order.
 */
function nextToLoad(queue: string[]): string | undefined {
  const ready = queue.findIndex(hasEarlyFrame);
  return queue.splice(Math.max(0, ready), 1)[0];
}

/** After a wait, one image not loaded yet (a different one each time): if it loads, the rest follow. */
function scheduleProbe(key: SeriesKey, job: Job): void {
  const seconds = PREFETCH_RETRY_SECONDS[Math.min(job.retries, PREFETCH_RETRY_SECONDS.length - 1)] ?? 30;
  job.retryTimer = setTimeout(() => {
    job.retryTimer = undefined;
    if (job.cancelled) return;
    const waiting = job.order.filter((imageId) => !job.loaded.has(imageId));
    const probe = waiting[job.retries % Math.max(1, waiting.length)];
    job.retries += 1;
    if (probe === undefined) return finish(key, job);
    job.fetching = true;
    void load(key, job, probe).then((answered) => {
      job.fetching = false;
      if (job.cancelled) return;
      if (answered) job.retries = 0;
      if (answered || job.loaded.size >= job.imageIds.length) void fetchRound(key, job);
      else scheduleProbe(key, job);
    });
  }, seconds * 1000);
}

/**
 * One image: its request once no viewport request is on the wire, then its decode in the background
 * (at most DECODES_PENDING_MAX at a time). True if the server answered (the decode may still fail:
 * the image counts as failed, the server as up).
 */
async function load(key: SeriesKey, job: Job, imageId: string): Promise<boolean> {
  await whenNoInteractionRequest();
  if (job.cancelled || job.loaded.has(imageId)) return true;
  let fetched: () => void = () => undefined;
  const bytesIn = new Promise<void>((resolve) => (fetched = resolve));
  const loading = imageLoader
    .loadAndCacheImage(
      imageId,
      prefetchOptions(() => fetched()),
    )
    .then(
      () => {
        job.loaded.add(imageId);
        job.failed.delete(imageId);
        return true;
      },
      () => {
        // The viewport reports a frame that cannot be shown when it is shown; here it only counts.
        if (!job.loaded.has(imageId)) job.failed.add(imageId);
        return false;
      },
    );
  let settled = false;
  const decoded: Promise<boolean> = loading.then((ok) => {
    settled = true;
    job.decoding.delete(decoded);
    if (!job.cancelled) publish(key, job);
    return ok;
  });
  // Loaded already, or loading elsewhere (the viewport): no bytes come, the load's end is the answer.
  const answered = await Promise.race([bytesIn.then(() => true), decoded]);
  if (!answered) return false;
  if (!settled) job.decoding.add(decoded);
  while (job.decoding.size >= DECODES_PENDING_MAX) await Promise.race(job.decoding);
  return true;
}

function finish(key: SeriesKey, job: Job): void {
  job.stopListening();
  if (running.get(key) === job) running.delete(key);
}

function release(key: SeriesKey): void {
  const job = running.get(key);
  if (!job) return;
  job.users -= 1;
  if (job.users > 0) return;
  job.cancelled = true;
  clearTimeout(job.retryTimer);
  job.stopListening();
  running.delete(key);
}
