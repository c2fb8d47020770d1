import { useCallback, useEffect, useState } from 'react';
import type { ImageSource } from '@/domain/imaging/image-source';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { loadRendering } from './load-rendering';
import { whenViewportsIdle } from './load-priority';

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
    loadRendering()
      .then(async (rendering) => {
        await rendering.initRendering(authorizationFor);
        await whenViewportsIdle();
        if (cancelled) return;
        await rendering.registerDicomWebMetadata([entry], authorizationFor);
        if (cancelled) return;
        await rendering.renderThumbnail(canvas, entry.imageId, () => cancelled);
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
