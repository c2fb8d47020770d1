import { useEffect, useEffectEvent } from 'react';
import type { DicomJsonInstance } from '@/domain/imaging/dicom-json';
import { nativeFrameBytes, nativeFrameGeometryOf } from '@/domain/imaging/native-frame';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { fetchFramesAhead } from './early-frames';
import { fetchSeriesAhead } from './series-ahead';
import { loadedRendering } from './load-rendering';
import { whenFirstImageRequestsIn } from './load-priority';
import { whenRenderingMayStart } from './rendering-gate';

/**
 * Bytes of frames fetched ahead one request each and not yet taken by the renderer, at most (16 CT
 * slices of 512²): each response costs the main thread a few ms to take in, which 64 of them took
 * from Cornerstone's start (a second later); the run goes on as the renderer takes them.
 */
const AHEAD_BUDGET_BYTES = 8 * 1024 * 1024;
/**
 * The same for a series request, whose frames are read in a worker and cost the main thread next to
 * nothing: 256 CT slices of 512², so that a series comes in while Cornerstone starts rather than after
 * it. They are bytes the renderer's cache (512 MiB at least, init-rendering.ts) takes in moments later.
 */
const SERIES_AHEAD_BUDGET_BYTES = 128 * 1024 * 1024;

/**
 * A stack's images after the first, fetched while the renderer starts (early-frames.ts,
 * `fetchFramesAhead`), when the page has no renderer yet: a study opened from the EHR or a link. They
 * go out when the renderer may start (rendering-gate.ts: the first paint is drawn or will not be), so
 * the first image's own requests and paint go first, and they are on their way while Cornerstone is
 * evaluated; the renderer's prefetch takes them, and those still queued it fetches itself. With the
 * renderer there, its prefetch fetches them itself, but for a whole series, which still comes in one
 * request (series-ahead.ts; `wholeSeries`: the ids are the series' whole stack). Only WADO-RS frames
 * (files are whole: their loaders read them); what may wait untaken is bounded in bytes, by the size
 * of an image described by `sizeOf` (its metadata, read when the fetching starts; uncompressed size,
 * what a native syntax sends). The image ids are taken once per list: give a list that stays the
 * same while it applies.
 */
export function useFramesAhead(
  imageIds: readonly string[] | null,
  sizeOf: DicomJsonInstance | null,
  authorizationFor: AuthorizationProvider,
  wholeSeries: boolean,
): void {
  const sizeNow = useEffectEvent(() => sizeOf);
  useEffect(() => {
    // With the renderer there its prefetch fetches frame by frame; only a series request adds to it.
    if (!imageIds || (loadedRendering() && !wholeSeries)) return;
    const frames = imageIds.slice(1).filter((imageId) => imageId.startsWith('wadors:'));
    if (frames.length === 0) return;
    let cancelled = false;
    let release: (() => void) | null = null;
    // After the first image's own requests and the first paint (or their time limits).
    void Promise.all([whenRenderingMayStart(), whenFirstImageRequestsIn()]).then(() => {
      const rendererThere = loadedRendering() !== null;
      if (cancelled || (rendererThere && !wholeSeries)) return;
      const described = sizeNow();
      const geometry = described ? nativeFrameGeometryOf(described) : null;
      const frameBytes = geometry ? nativeFrameBytes(geometry) : 0;
      const held = (budget: number) => Math.floor(budget / Math.max(1, frameBytes));
      release = wholeSeries
        ? fetchSeriesAhead(
            frames,
            authorizationFor,
            { ofSeries: held(SERIES_AHEAD_BUDGET_BYTES), oneByOne: held(AHEAD_BUDGET_BYTES) },
            { frameByFrame: !rendererThere },
          )
        : fetchFramesAhead(frames, authorizationFor, held(AHEAD_BUDGET_BYTES));
    });
    return () => {
      cancelled = true;
      release?.();
    };
  }, [imageIds, authorizationFor, wholeSeries]);
}
