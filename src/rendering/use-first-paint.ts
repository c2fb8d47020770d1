import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { FirstPaint } from '@/domain/imaging/first-paint';
import type { ImageSource } from '@/domain/imaging/image-source';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { drawFirstPaint, firstPaintOutOfSize } from './first-frame-paint';
import { afterNextFrame } from '@/lib/after-next-frame';
import { wait } from '@/lib/request-timeout';
import {
  firstPaintShown,
  forgetFirstPaint,
  preparedFirstPaint,
  prepareFirstPaint,
  whenFirstPaintShown,
} from './first-paint-slot';
import { firstPaintSettled, HOLD_MAX_MS, holdRendering } from './rendering-gate';

/**
 * The first image of a stack, ready to draw without Cornerstone (first-paint.ts), from the same bytes
 * the loader will decode: the frame is fetched early through the imaging door and left for the loader.
 * Null while the frame is on its way, when it cannot be drawn exactly, and for images that are not
 * WADO-RS frames (WADO-URI files and local files are whole files: the renderer reads them).
 */
export function useFirstPaint(
  source: ImageSource | null,
  authorizationFor: AuthorizationProvider,
): FirstPaint | null {
  const [painted, setPainted] = useState<{ imageId: string; paint: FirstPaint } | null>(null);
  // By image id: the same image described first by its own metadata, then by the series', is one paint.
  const imageId = source?.imageId ?? null;
  const metadataOf = useEffectEvent(() => source?.metadata);

  useEffect(() => {
    const described = metadataOf();
    if (!imageId?.startsWith('wadors:') || !described) return;
    const ended = new AbortController();
    // Cornerstone's start would take the main thread the paint needs (rendering-gate.ts).
    const release = holdRendering();
    void prepareFirstPaint(imageId, described, authorizationFor).then(async (paint) => {
      if (paint && !ended.signal.aborted) {
        setPainted({ imageId, paint });
        // Drawn in the commit that follows (or already, if it was ready when the viewport rendered).
        // The renderer may start once the image is on screen, not merely drawn: work started before
        // the frame that shows it (Cornerstone's evaluation, hundreds of ms) would hold that frame back.
        await Promise.race([whenFirstPaintShown(paint), wait(HOLD_MAX_MS, ended.signal)]).catch(
          () => undefined, // The viewport went, or its image changed.
        );
      } else await wait(0);
      firstPaintSettled();
      release();
    });
    return () => {
      ended.abort();
      release();
      // Once the renderer has drawn (or the image changed) the pixels are not kept: a radiograph's
      // first paint is tens of megabytes.
      setPainted(null);
      forgetFirstPaint(imageId);
    };
  }, [imageId, authorizationFor]);

  if (painted !== null && painted.imageId === imageId) return painted.paint;
  // Computed before this viewport rendered (the landing's requests): drawn in its first commit.
  return imageId === null ? null : preparedFirstPaint(imageId);
}

/** A ref for the canvas that shows a first paint: drawn now and again whenever the canvas is resized. */
export function useFirstPaintCanvas(paint: FirstPaint | null): (canvas: HTMLCanvasElement | null) => void {
  return useCallback(
    (canvas: HTMLCanvasElement | null) => {
      if (!canvas || !paint) return;
      drawFirstPaint(canvas, paint);
      let attached = true;
      // On screen once the frame that shows it has been produced.
      void afterNextFrame().then(() => {
        if (!attached) return;
        performance.mark('rendering:first-paint');
        firstPaintShown(paint);
      });
      const observer = new ResizeObserver(() => {
        if (firstPaintOutOfSize(canvas)) drawFirstPaint(canvas, paint);
      });
      observer.observe(canvas);
      return () => {
        attached = false;
        observer.disconnect();
      };
    },
    [paint],
  );
}
