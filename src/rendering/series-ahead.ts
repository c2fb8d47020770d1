import { seriesRetrievalPlan } from '@/domain/imaging/series-retrieval';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import {
  addAheadRun,
  fetchFramesAhead,
  forgetEarlyFrame,
  hasEarlyFrame,
  keepEarlyFrame,
  MAX_SERIES_FRAMES_HELD_AHEAD,
} from './early-frames';
import type { FrameBytes } from './frame-request';
import { whenNoInteractionRequest } from './load-priority';
import { streamSeriesFrames, type SeriesStreamSink } from './series-stream';

/**
 * Frames of fewer instances than a browser fetches at once (six to a server) go out together anyway:
 * one series request would save them little and bring every other instance of the series too. (A
 * multi-frame instance comes whole in a series request: its frames are asked for one by one.)
 */
const INSTANCES_WORTH_A_SERIES_REQUEST = 6;
/**
 * A series request that brings nothing for this long while the loader waits for a frame from it is
 * given up (a server that hangs mid-answer): the frames then go one request each, as they would have.
 */
const STALLED_MS = 2500;

/**
 * Frames that may wait untaken: those of a series request, which cost the main thread next to
 * nothing to take in (they are read in a worker), and those fetched one request each, which do not.
 */
export interface AheadBudget {
  ofSeries: number;
  oneByOne: number;
}

/**
 * A series' whole stack fetched ahead of the loader in one Retrieve Series request (series-stream.ts)
 * rather than one request and one CORS preflight per frame: each frame is kept for the loader as its
 * instance arrives (early-frames.ts), and the answer is read no further while `maxHeld.ofSeries`
 * frames wait untaken, unless the renderer's prefetch is waiting for one still to come. The renderer's prefetch
 * waits for a frame the request is bringing; the image a viewport waits to show does not: it is
 * fetched at once, and reading pauses until it is in. What the request does not bring (a server
 * without Retrieve Series, an instance that cannot be read here, an answer that breaks off or
 * stalls) is fetched frame by frame (`fetchFramesAhead`) when `frameByFrame`, or else left to the
 * renderer's prefetch. Returns the function that gives it all up and forgets the frames not taken.
 */
export function fetchSeriesAhead(
  imageIds: readonly string[],
  authorizationFor: AuthorizationProvider,
  maxHeld: AheadBudget,
  { frameByFrame }: { frameByFrame: boolean },
): () => void {
  const queue = new Set(imageIds.filter((imageId) => !hasEarlyFrame(imageId)));
  const plan = seriesRetrievalPlan([...queue]);
  if (!plan || plan.frames.size <= INSTANCES_WORTH_A_SERIES_REQUEST)
    return frameByFrame ? fetchFramesAhead(imageIds, authorizationFor, maxHeld.oneByOne) : () => undefined;

  const controller = new AbortController();
  const limit = Math.max(1, Math.min(maxHeld.ofSeries, MAX_SERIES_FRAMES_HELD_AHEAD));
  /** Delivered, not taken yet. */
  const held = new Set<string>();
  /** Asked for by the loader before they came: handed over on arrival. */
  const awaited = new Map<string, (frame: FrameBytes | null) => void>();
  let streaming = true;
  let roomMade: (() => void) | null = null;
  const makeRoom = () => {
    roomMade?.();
    roomMade = null;
  };
  let afterwards: (() => void) | null = null;
  let released = false;
  let lastArrival = performance.now();
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const watch = () => {
    if (watchdog !== undefined || !streaming) return;
    watchdog = setTimeout(() => {
      watchdog = undefined;
      if (!streaming || awaited.size === 0) return;
      if (performance.now() - lastArrival >= STALLED_MS) controller.abort();
      else watch();
    }, STALLED_MS);
  };

  const stopRun = addAheadRun({
    took: (imageId, waitForSeries) => {
      if (streaming && waitForSeries && queue.has(imageId)) {
        makeRoom();
        watch();
        return new Promise((resolve) => awaited.set(imageId, resolve));
      }
      if (!queue.delete(imageId) && held.delete(imageId)) makeRoom();
      return undefined;
    },
  });
  const sink: SeriesStreamSink = {
    arrived: () => (lastArrival = performance.now()),
    wants: (imageId) => queue.has(imageId),
    deliver: (imageId, frame) => {
      queue.delete(imageId);
      const waiter = awaited.get(imageId);
      awaited.delete(imageId);
      if (waiter) return waiter(frame);
      held.add(imageId);
      keepEarlyFrame(imageId, Promise.resolve(frame));
    },
    room: async () => {
      while (held.size >= limit && awaited.size === 0 && !controller.signal.aborted)
        await new Promise<void>((resolve) => (roomMade = resolve));
      // A viewport waiting for an image: reading pauses (and the server's sending with it) meanwhile.
      await whenNoInteractionRequest();
    },
  };
  const ended = () => {
    streaming = false;
    clearTimeout(watchdog);
    // Those the loader waits for it now fetches itself; the rest, frame by frame if asked to.
    for (const [imageId, resolve] of awaited) {
      queue.delete(imageId);
      resolve(null);
    }
    awaited.clear();
    if (frameByFrame && !released && queue.size > 0)
      afterwards = fetchFramesAhead([...queue], authorizationFor, maxHeld.oneByOne);
  };
  void streamSeriesFrames(plan, sink, authorizationFor, controller.signal).then(ended, ended);

  return () => {
    released = true;
    controller.abort();
    makeRoom();
    stopRun();
    afterwards?.();
    for (const imageId of held) forgetEarlyFrame(imageId);
  };
}
