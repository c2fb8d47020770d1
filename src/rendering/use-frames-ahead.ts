import { useEffect } from 'react';
import type { ImageSource } from '@/domain/imaging/image-source';
import { nativeFrameBytes, nativeFrameGeometryOf } from '@/domain/imaging/native-frame';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { fetchFramesAhead } from './early-frames';
import { loadedRendering } from './load-rendering';
import { whenRenderingMayStart } from './rendering-gate';

/** Bytes of frames fetched ahead of the renderer, at most (64 CT slices of 512², a few radiographs). */
const AHEAD_BUDGET_BYTES = 32 * 1024 * 1024;

/**
 * A stack's images after the first, fetched while the renderer starts (early-frames.ts,
 * `fetchFramesAhead`), when the page has no renderer yet: a study opened from the EHR or a link. They
 * go out when the renderer may start (rendering-gate.ts: the first paint is drawn or will not be), so
 * the first image's own requests and paint go first, and they are on their way while Cornerstone is
 * evaluated. With the renderer there, its prefetch fetches them itself. Only WADO-RS frames (files are
 * whole: their loaders read them), within a byte budget.
 */
export function useFramesAhead(
  images: readonly ImageSource[] | null,
  authorizationFor: AuthorizationProvider,
): void {
  useEffect(() => {
    if (!images || loadedRendering()) return;
    const frames = images.filter((image) => image.imageId.startsWith('wadors:'));
    const first = frames[0];
    if (!first) return;
    // Uncompressed size: what a native syntax sends (compressed ones send less).
    const geometry = nativeFrameGeometryOf(first.metadata);
    const frameBytes = geometry ? nativeFrameBytes(geometry) : 0;
    const count = Math.floor(AHEAD_BUDGET_BYTES / Math.max(1, frameBytes));
    let cancelled = false;
    let release: (() => void) | null = null;
    void whenRenderingMayStart().then(() => {
      if (cancelled || loadedRendering()) return;
      release = fetchFramesAhead(
        frames.slice(1, 1 + count).map((image) => image.imageId),
        authorizationFor,
      );
    });
    return () => {
      cancelled = true;
      release?.();
    };
  }, [images, authorizationFor]);
}
