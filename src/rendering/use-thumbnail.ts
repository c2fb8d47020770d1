import { useCallback, useEffect, useState } from 'react';
import type { ImageSource } from '@/domain/imaging/image-source';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { drawFirstPaint } from './first-frame-paint';
import { loadRendering } from './load-rendering';
import { whenViewportsIdle } from './load-priority';
import { plainThumbnailOf } from './plain-thumbnail';

export type ThumbnailStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Draws one image into a small canvas as the viewer will show it (same modality values and default
 * window): a frame the first paint reproduces exactly is drawn as one, without Cornerstone
 * (plain-thumbnail.ts); any other (compressed, colour, a file, a radiograph…) by Cornerstone itself.
 * Either way only once no viewport waits for its first image (load-priority.ts).
 */
export function useThumbnail(entry: ImageSource | null, authorizationFor: AuthorizationProvider) {
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  // The outcome is remembered with the entry it belongs to, so a new entry reads as loading at once.
  const [outcome, setOutcome] = useState<{ entry: ImageSource; status: ThumbnailStatus } | null>(null);

  useEffect(() => {
    if (!canvas || !entry) return;
    let cancelled = false;
    const draw = async () => {
      await whenViewportsIdle();
      if (cancelled) return;
      const plain = await plainThumbnailOf(entry, authorizationFor, () => cancelled);
      if (cancelled) return;
      if (plain) return drawFirstPaint(canvas, plain);
      const rendering = await loadRendering();
      await rendering.initRendering(authorizationFor);
      if (cancelled) return;
      await rendering.registerDicomWebMetadata([entry], authorizationFor);
      if (cancelled) return;
      await rendering.renderThumbnail(canvas, entry.imageId, () => cancelled);
    };
    draw().then(
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
