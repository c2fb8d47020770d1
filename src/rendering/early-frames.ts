import type { AuthorizationProvider } from '@/lib/imaging-http';
import { fetchFrame, type FrameBytes } from './frame-request';
import { onInteractionRequest } from './load-priority';

/**
 * Frames fetched ahead one request each that may wait untaken in the store, at most (a byte budget
 * may allow fewer): each answer costs the main thread a few ms to take in.
 */
export const MAX_FRAMES_HELD_AHEAD = 64;
/**
 * Frames of a series request (series-ahead.ts) that may wait untaken, at most: read in a worker, they
 * cost the main thread next to nothing, so memory bounds them (a byte budget, use-frames-ahead.ts).
 */
export const MAX_SERIES_FRAMES_HELD_AHEAD = 1024;
/**
 * A few first frames (one per opened viewport) and the frames fetched ahead for them; beyond that, a
 * frame nobody asked for is dropped with the oldest.
 */
const MAX_EARLY_FRAMES = 8 + MAX_SERIES_FRAMES_HELD_AHEAD;
const early = new Map<string, Promise<FrameBytes | null>>();

/**
 * Starts fetching a frame before Cornerstone, its metadata or the viewport exist: the first image is
 * then decoded the moment the loader asks for it, instead of being requested only at that moment.
 * Any failure yields null and the loader fetches as usual.
 */
export function fetchFrameEarly(
  imageId: string,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): void {
  if (early.has(imageId)) return;
  keepEarlyFrame(
    imageId,
    fetchFrame(imageId, authorizationFor, signal).catch(() => null),
  );
}

/** A frame's bytes (or their fetch) kept for the loader; the oldest goes when the store is full. */
export function keepEarlyFrame(imageId: string, frame: Promise<FrameBytes | null>): void {
  if (early.size >= MAX_EARLY_FRAMES) {
    const oldest = early.keys().next().value;
    if (oldest !== undefined) early.delete(oldest);
  }
  early.set(imageId, frame);
}

/** Whether this frame's bytes are kept, or on their way, for the loader. */
export function hasEarlyFrame(imageId: string): boolean {
  return early.has(imageId);
}

/** Forgets a kept frame nobody took. */
export function forgetEarlyFrame(imageId: string): void {
  early.delete(imageId);
}

/**
 * The early fetch of this frame, left in place for the loader (the first paint reads the bytes while
 * Cornerstone is still loading; the loader takes them later). Read them before the loader's decode
 * can transfer their buffer to a worker.
 */
export function peekEarlyFrame(imageId: string): Promise<FrameBytes | null> | undefined {
  return early.get(imageId);
}

/** An early fetch slower than this is given up on: the loader's own request goes ahead. */
const EARLY_FRAME_PATIENCE_MS = 3000;

/**
 * The early fetch of this frame, once: the loader takes it and it is forgotten. A frame still queued
 * to be fetched ahead is taken out of the queue instead (undefined: the loader fetches it itself, in
 * its own order and pool), unless a series request is bringing it and the loader may wait for it
 * (`waitForSeries`: a prefetch's load, not the image a viewport is waiting to show).
 */
export function takeEarlyFrame(
  imageId: string,
  { waitForSeries = false }: { waitForSeries?: boolean } = {},
): Promise<FrameBytes | null> | undefined {
  let pending = early.get(imageId);
  early.delete(imageId);
  for (const run of aheadRuns) {
    const coming = run.took(imageId, waitForSeries);
    pending ??= coming;
  }
  if (!pending) return undefined;
  const giveUp = new Promise<null>((resolve) => setTimeout(() => resolve(null), EARLY_FRAME_PATIENCE_MS));
  return Promise.race([pending, giveUp]);
}

/** A run of frames fetched ahead, told what the loader takes. */
export interface AheadRun {
  /**
   * The loader takes this frame (or will fetch it itself): one fewer held, or one fewer to fetch. A
   * run that is bringing it and may be waited for returns its bytes to come (null: they will not).
   */
  took(imageId: string, waitForSeries: boolean): Promise<FrameBytes | null> | undefined;
}
const aheadRuns = new Set<AheadRun>();

/** Tells `run` what the loader takes from now on; returns the function that stops it. */
export function addAheadRun(run: AheadRun): () => void {
  aheadRuns.add(run);
  return () => aheadRuns.delete(run);
}

/**
 * Fetches a stack's frames while the renderer is not there yet (Cornerstone's evaluation and start
 * take the best part of a second after the first paint, and hold the main thread), in the order
 * given, the whole stack if need be: as many as may wait untaken (`maxHeld`, at most
 * MAX_FRAMES_HELD_AHEAD) are asked for at once, so that the browser goes on fetching them while the
 * main thread is held, and one more each time the loader takes one (the renderer's prefetch finds
 * their bytes; those still queued here when it asks for them it fetches itself). The moment a viewport
 * sends a request of its own (the user moved to an image), those not in yet are given up: on a slow
 * server that request must not wait behind them. Returns a function that gives up those not in and
 * forgets those not taken.
 */
export function fetchFramesAhead(
  imageIds: readonly string[],
  authorizationFor: AuthorizationProvider,
  maxHeld: number = MAX_FRAMES_HELD_AHEAD,
): () => void {
  const controller = new AbortController();
  const queue = new Set(imageIds.filter((imageId) => !early.has(imageId)));
  /** Fetched or on the wire, not taken yet. */
  const held = new Set<string>();
  const limit = Math.max(1, Math.min(maxHeld, MAX_FRAMES_HELD_AHEAD));
  const pump = () => {
    while (!controller.signal.aborted && held.size < limit) {
      const next = queue.values().next();
      if (next.done) return;
      const imageId = next.value;
      queue.delete(imageId);
      // Fetched early meanwhile by someone else (a viewport's first image): theirs, not held here.
      if (early.has(imageId)) continue;
      held.add(imageId);
      fetchFrameEarly(imageId, authorizationFor, controller.signal);
    }
  };
  const stopRun = addAheadRun({
    took: (imageId) => {
      if (queue.delete(imageId)) return undefined;
      if (held.delete(imageId)) pump();
      return undefined;
    },
  });
  pump();
  const stopListening = onInteractionRequest(() => {
    controller.abort();
    queue.clear();
  });
  return () => {
    stopListening();
    controller.abort();
    stopRun();
    for (const imageId of held) early.delete(imageId);
  };
}
