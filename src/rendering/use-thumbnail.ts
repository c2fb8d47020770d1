import { Enums, imageLoader, utilities } from '@cornerstonejs/core';
import PQueue from 'p-queue';
import { useCallback, useEffect, useState } from 'react';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { initRendering } from './init-rendering';
import { whenViewportsIdle } from './load-priority';
import type { ImageSource } from '@/domain/imaging/image-source';
import { registerDicomWebMetadata } from './register-dicomweb-metadata';

export type ThumbnailStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Renders one image into a small canvas with Cornerstone itself, so the thumbnail shows exactly what
 * the viewer will (same decoder, same modality LUT and default window), for any transfer syntax.
 */
export function useThumbnail(entry: ImageSource | null, authorizationFor: AuthorizationProvider) {
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  // The outcome is remembered with the entry it belongs to, so a new entry reads as loading at once.
  const [outcome, setOutcome] = useState<{ entry: ImageSource; status: ThumbnailStatus } | null>(null);

  useEffect(() => {
    if (!canvas || !entry) return;
    let cancelled = false;
    initRendering(authorizationFor)
      .then(() => whenViewportsIdle())
      .then(() => {
        if (cancelled) return;
        return registerDicomWebMetadata([entry], authorizationFor);
      })
      .then(() => {
        if (cancelled) return;
        return renderInTurn(canvas, entry.imageId, () => cancelled);
      })
      .then(
        () => !cancelled && setOutcome({ entry, status: 'ready' }),
        () => !cancelled && setOutcome({ entry, status: 'error' }),
      );
    return () => {
      cancelled = true;
    };
  }, [canvas, entry, authorizationFor]);

  const attachCanvas = useCallback((node: HTMLCanvasElement | null) => setCanvas(node), []);
  const status: ThumbnailStatus = !entry ? 'idle' : outcome?.entry === entry ? outcome.status : 'loading';
  return { attachCanvas, status };
}

/**
 * Thumbnails are drawn one at a time, each in a task of its own. Cornerstone's `loadImageToCanvas`
 * draws through an offscreen WebGL viewport and copies it out; renders started together are drawn in
 * one animation frame, so a panel of ten thumbnails made one main-thread task of 400 ms on software
 * GL, during which nothing answered. One at a time also keeps two renders of one image id apart: the
 * first to finish disables the offscreen viewport named after it, and the second then waited forever
 * (the list's preview of a study and the viewer's thumbnail of its first series, say).
 */
const renders = new PQueue({ concurrency: 1 });

async function renderInTurn(canvas: HTMLCanvasElement, imageId: string, isCancelled: () => boolean) {
  // Fetched and decoded outside the queue (Cornerstone's pool runs several at once); only drawing waits.
  await imageLoader.loadAndCacheImage(imageId, { priority: -5, requestType: Enums.RequestType.Thumbnail });
  return renders.add(async () => {
    // A thumbnail scrolled away while it waited is not drawn.
    if (isCancelled()) return;
    await utilities.loadImageToCanvas({ canvas, imageId, thumbnail: true });
    // Yield before the next one, so input and the viewports' frames get their turn between renders.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
