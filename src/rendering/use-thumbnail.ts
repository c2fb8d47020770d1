import { utilities } from '@cornerstonejs/core';
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
        return renderOneAtATime(canvas, entry.imageId);
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

const rendering = new Map<string, Promise<unknown>>();

/**
 * Cornerstone's `loadImageToCanvas` draws through an offscreen viewport named after the image id, and
 * the first render to finish disables it: a second render of the same image at the same time (the
 * list's preview of a study and the viewer's thumbnail of its first series, say) then waits forever.
 * Renders of one image id are therefore queued, one after the other.
 */
function renderOneAtATime(canvas: HTMLCanvasElement, imageId: string): Promise<unknown> {
  const previous = rendering.get(imageId) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(() => utilities.loadImageToCanvas({ canvas, imageId, thumbnail: true }));
  rendering.set(imageId, next);
  const forget = () => {
    if (rendering.get(imageId) === next) rendering.delete(imageId);
  };
  next.then(forget, forget);
  return next;
}
