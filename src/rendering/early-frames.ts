import type { AuthorizationProvider } from '@/lib/imaging-http';
import { fetchFrame, type FrameBytes } from './frame-request';
import { onInteractionRequest } from './load-priority';

/** Frames one `fetchFramesAhead` asks for, at most (a byte budget may allow fewer: use-frames-ahead.ts). */
const MAX_FRAMES_AHEAD = 64;
/**
 * A few first frames (one per opened viewport) and the frames fetched ahead for them; beyond that, a
 * frame nobody asked for is dropped with the oldest.
 */
const MAX_EARLY_FRAMES = 8 + MAX_FRAMES_AHEAD;
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
  if (early.size >= MAX_EARLY_FRAMES) {
    const oldest = early.keys().next().value;
    if (oldest !== undefined) early.delete(oldest);
  }
  early.set(
    imageId,
    fetchFrame(imageId, authorizationFor, signal).catch(() => null),
  );
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

/** The early fetch of this frame, once: the loader takes it and it is forgotten. */
export function takeEarlyFrame(imageId: string): Promise<FrameBytes | null> | undefined {
  const pending = early.get(imageId);
  early.delete(imageId);
  if (!pending) return undefined;
  const giveUp = new Promise<null>((resolve) => setTimeout(() => resolve(null), EARLY_FRAME_PATIENCE_MS));
  return Promise.race([pending, giveUp]);
}

/**
 * Fetches the next frames of a stack while the renderer is not there yet (Cornerstone's evaluation and
 * start take the best part of a second after the first paint, and hold the main thread): all are asked
 * for at once, so the browser fetches them meanwhile, and the renderer's prefetch finds their bytes
 * (the loader takes early frames). The moment a viewport sends a request of its own (the user moved to
 * an image), those not in yet are given up: on a slow server that request must not wait behind them.
 * MAX_FRAMES_AHEAD at most, so none pushes another out of the store before it is taken. Returns a function that gives up those not in and forgets those not taken.
 */
export function fetchFramesAhead(
  imageIds: readonly string[],
  authorizationFor: AuthorizationProvider,
): () => void {
  const controller = new AbortController();
  const mine: string[] = [];
  for (const imageId of imageIds.slice(0, MAX_FRAMES_AHEAD)) {
    if (early.has(imageId)) continue;
    fetchFrameEarly(imageId, authorizationFor, controller.signal);
    mine.push(imageId);
  }
  const stopListening = onInteractionRequest(() => controller.abort());
  return () => {
    stopListening();
    controller.abort();
    for (const imageId of mine) early.delete(imageId);
  };
}
