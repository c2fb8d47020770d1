import type { DicomJsonInstance } from '@/domain/imaging/dicom-json';
import { firstPaintOrNull, type FirstPaint } from '@/domain/imaging/first-paint';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { fetchFrameEarly, peekEarlyFrame } from './early-frames';
import { prefetchRendering } from './load-rendering';

interface Slot {
  imageId: string;
  paint: Promise<FirstPaint | null>;
  /** Undefined until computed. */
  ready?: FirstPaint | null;
}

/**
 * One image's first paint (first-paint.ts), computed once, the moment its early-fetched frame is in:
 * by the landing (prefetch-landing.ts), which knows the image before the viewer has even mounted, or
 * else by the viewport. The viewport's first commit then draws it, instead of computing it after
 * mounting and drawing in a commit of its own. Once the bytes are in, and only then, the renderer's
 * chunks are fetched and compiled (`prefetchRendering`). One image at a time (a radiograph's paint is
 * tens of megabytes); the viewport forgets it once the renderer has drawn.
 */
let slot: Slot | null = null;

export function prepareFirstPaint(
  imageId: string,
  metadata: DicomJsonInstance,
  authorizationFor: AuthorizationProvider,
): Promise<FirstPaint | null> {
  if (slot?.imageId === imageId) return slot.paint;
  fetchFrameEarly(imageId, authorizationFor);
  const frame = peekEarlyFrame(imageId) ?? Promise.resolve(null);
  const entry: Slot = {
    imageId,
    paint: frame.then((bytes) => {
      entry.ready = bytes ? firstPaintOrNull(metadata, bytes.pixelData, bytes.transferSyntax) : null;
      // The image's bytes are in (or will not come): the renderer's chunks may now take a core
      // (load-rendering.ts), not while they were on their way.
      prefetchRendering();
      return entry.ready;
    }),
  };
  slot = entry;
  return entry.paint;
}

/** The first paint of this image if it has been computed (null otherwise, or if it cannot be drawn). */
export function preparedFirstPaint(imageId: string): FirstPaint | null {
  return slot?.imageId === imageId ? (slot.ready ?? null) : null;
}

/** Paints on screen (drawn, and a frame gone by since), and who waits for one to be. */
const shown = new WeakSet<FirstPaint>();
const waitingUntilShown = new WeakMap<FirstPaint, (() => void)[]>();

/** Told by the canvas that drew `paint`, once the frame showing it has been produced. */
export function firstPaintShown(paint: FirstPaint): void {
  shown.add(paint);
  const waiting = waitingUntilShown.get(paint) ?? [];
  waitingUntilShown.delete(paint);
  for (const resume of waiting) resume();
}

/** Resolves once `paint` is on screen (at once if it is); never, if it is never drawn. */
export function whenFirstPaintShown(paint: FirstPaint): Promise<void> {
  if (shown.has(paint)) return Promise.resolve();
  return new Promise((resolve) => {
    waitingUntilShown.set(paint, [...(waitingUntilShown.get(paint) ?? []), resolve]);
  });
}

export function forgetFirstPaint(imageId: string): void {
  if (slot?.imageId === imageId) slot = null;
}
