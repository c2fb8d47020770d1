import type { AuthorizationProvider } from '@/lib/imaging-http';
import { fetchFrame, type FrameBytes } from './frame-request';

/** Few: one per opened viewport, and a frame nobody asked for is dropped with the oldest. */
const MAX_EARLY_FRAMES = 8;
const early = new Map<string, Promise<FrameBytes | null>>();

/**
 * Starts fetching a frame before Cornerstone, its metadata or the viewport exist: the first image is
 * then decoded the moment the loader asks for it, instead of being requested only at that moment.
 * Any failure yields null and the loader fetches as usual.
 */
export function fetchFrameEarly(imageId: string, authorizationFor: AuthorizationProvider): void {
  if (early.has(imageId)) return;
  if (early.size >= MAX_EARLY_FRAMES) {
    const oldest = early.keys().next().value;
    if (oldest !== undefined) early.delete(oldest);
  }
  early.set(
    imageId,
    fetchFrame(imageId, authorizationFor).catch(() => null),
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
