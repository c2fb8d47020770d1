import { useCallback, useEffect, useState } from 'react';
import { firstPaintOf, type FirstPaint } from '@/domain/imaging/first-paint';
import type { ImageSource } from '@/domain/imaging/image-source';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { fetchFrameEarly, peekEarlyFrame } from './early-frames';
import { drawFirstPaint } from './first-frame-paint';

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
  const [painted, setPainted] = useState<{ source: ImageSource; paint: FirstPaint } | null>(null);

  useEffect(() => {
    if (!source?.imageId.startsWith('wadors:')) return;
    let cancelled = false;
    fetchFrameEarly(source.imageId, authorizationFor);
    void peekEarlyFrame(source.imageId)?.then((frame) => {
      if (cancelled || !frame) return;
      const paint = firstPaintOf(source.metadata, frame.pixelData, frame.transferSyntax);
      if (paint) setPainted({ source, paint });
    });
    return () => {
      cancelled = true;
    };
  }, [source, authorizationFor]);

  return painted?.source === source ? painted.paint : null;
}

/** A ref for the canvas that shows a first paint: drawn now and again whenever the canvas is resized. */
export function useFirstPaintCanvas(paint: FirstPaint | null): (canvas: HTMLCanvasElement | null) => void {
  return useCallback(
    (canvas: HTMLCanvasElement | null) => {
      if (!canvas || !paint) return;
      drawFirstPaint(canvas, paint);
      const observer = new ResizeObserver(() => drawFirstPaint(canvas, paint));
      observer.observe(canvas);
      return () => observer.disconnect();
    },
    [paint],
  );
}
