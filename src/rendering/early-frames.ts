import { seriesRetrievalPlan } from '@/domain/imaging/series-retrieval';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { fetchFrame, type FrameBytes } from './frame-request';
import { onInteractionRequest } from './load-priority';
import { streamSeriesFrames, type SeriesStreamSink } from './series-stream';

/** Frames fetched ahead that may wait untaken in the store, at most (a byte budget may allow fewer). */
const MAX_FRAMES_HELD_AHEAD = 64;
/**
 * A few first frames (one per opened viewport) and the frames fetched ahead for them; beyond that, a
 * frame nobody asked for is dropped with the oldest.
 */
const MAX_EARLY_FRAMES = 8 + MAX_FRAMES_HELD_AHEAD;
/**
 * Fewer frames than a browser fetches at once (six to a server) go out together anyway: one series
 * request would save them little and bring every other instance of the series too.
 */
const FRAMES_WORTH_A_SERIES_REQUEST = 6;
const early = new Map<string, Promise<FrameBytes | null>>();

/**
 * Starts fetching a frame before Cornerstone, its metadata or the viewport exist: the first image is
 * then decoded the moment the loader asks for it, instead of being requested only at that moment.
 * Any failure yields null and the loader fetches as usual.
 */
export function fetchFrameEarly(
  imageId: string,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): void {
  if (early.has(imageId)) return;
  keepEarly(
    imageId,
    fetchFrame(imageId, authorizationFor, signal).catch(() => null),
  );
}

function keepEarly(imageId: string, frame: Promise<FrameBytes | null>): void {
  if (early.size >= MAX_EARLY_FRAMES) {
    const oldest = early.keys().next().value;
    if (oldest !== undefined) early.delete(oldest);
  }
  early.set(imageId, frame);
}

/**
 * The early fetch of this frame, left in place for the loader (the first paint reads the bytes while
 * Cornerstone is still loading; the loader takes them later). Read them before the loader's decode
 * can transfer their buffer to a worker.
 */
export function peekEarlyFrame(imageId: string): Promise<FrameBytes | null> | undefined {
  return early.get(imageId);
}

/** An early fetch slower than this is given up on: the loader's own request goes ahead. */
const EARLY_FRAME_PATIENCE_MS = 3000;

/**
 * The early fetch of this frame, once: the loader takes it and it is forgotten. A frame still queued
 * to be fetched ahead is taken out of the queue instead (undefined: the loader fetches it itself, in
 * its own order and pool).
 */
export function takeEarlyFrame(imageId: string): Promise<FrameBytes | null> | undefined {
  const pending = early.get(imageId);
  early.delete(imageId);
  for (const run of aheadRuns) run.took(imageId);
  if (!pending) return undefined;
  const giveUp = new Promise<null>((resolve) => setTimeout(() => resolve(null), EARLY_FRAME_PATIENCE_MS));
  return Promise.race([pending, giveUp]);
}

interface AheadRun {
  /** A frame the loader has taken (or will fetch itself): one fewer held, or one fewer to fetch. */
  took(imageId: string): void;
}
const aheadRuns = new Set<AheadRun>();

/**
 * Fetches a stack's frames while the renderer is not there yet (Cornerstone's evaluation and start
 * take the best part of a second after the first paint, and hold the main thread), in the order
 * given, the whole stack if need be: as many as may wait untaken (`maxHeld`, at most
 * MAX_FRAMES_HELD_AHEAD) are asked for at once, so that the browser goes on fetching them while the
 * main thread is held, and one more each time the loader takes one (the renderer's prefetch finds
 * their bytes; those still queued here when it asks for them it fetches itself). The moment a viewport
 * sends a request of its own (the user moved to an image), those not in yet are given up: on a slow
 * server that request must not wait behind them. Returns a function that gives up those not in and
 * forgets those not taken.
 *
 * With `asOneSeries` (the ids are a series' whole stack), the frames come from one Retrieve Series
 * request instead (series-stream.ts), read as the loader takes them: one request and one CORS
 * preflight rather than one each per frame. What it does not bring (the server will not send a series
 * so, an instance that cannot be read here, an answer that breaks off) is then fetched frame by frame.
 */
export function fetchFramesAhead(
  imageIds: readonly string[],
  authorizationFor: AuthorizationProvider,
  maxHeld: number = MAX_FRAMES_HELD_AHEAD,
  { asOneSeries = false }: { asOneSeries?: boolean } = {},
): () => void {
  const controller = new AbortController();
  const queue = new Set(imageIds.filter((imageId) => !early.has(imageId)));
  /** Fetched or on the wire, not taken yet. */
  const held = new Set<string>();
  const limit = Math.max(1, Math.min(maxHeld, MAX_FRAMES_HELD_AHEAD));
  const plan =
    asOneSeries && queue.size > FRAMES_WORTH_A_SERIES_REQUEST ? seriesRetrievalPlan([...queue]) : null;
  let streaming = plan !== null;
  let roomMade: (() => void) | null = null;
  const makeRoom = () => {
    roomMade?.();
    roomMade = null;
  };
  const pump = () => {
    if (streaming) return makeRoom();
    while (!controller.signal.aborted && held.size < limit) {
      const next = queue.values().next();
      if (next.done) return;
      const imageId = next.value;
      queue.delete(imageId);
      // Fetched early meanwhile by someone else (a viewport's first image): theirs, not held here.
      if (early.has(imageId)) continue;
      held.add(imageId);
      fetchFrameEarly(imageId, authorizationFor, controller.signal);
    }
  };
  const run: AheadRun = {
    took: (imageId) => {
      if (queue.delete(imageId)) return;
      if (held.delete(imageId)) pump();
    },
  };
  if (plan) {
    const sink: SeriesStreamSink = {
      wants: (imageId) => queue.has(imageId) && !early.has(imageId),
      deliver: (imageId, frame) => {
        queue.delete(imageId);
        held.add(imageId);
        keepEarly(imageId, Promise.resolve(frame));
      },
      room: () =>
        held.size < limit || controller.signal.aborted
          ? Promise.resolve()
          : new Promise<void>((resolve) => (roomMade = resolve)),
    };
    // Whatever it did not bring goes frame by frame, from where it stopped.
    const frameByFrame = () => {
      streaming = false;
      pump();
    };
    void streamSeriesFrames(plan, sink, authorizationFor, controller.signal).then(frameByFrame, frameByFrame);
  }
  aheadRuns.add(run);
  pump();
  const stopListening = onInteractionRequest(() => {
    controller.abort();
    queue.clear();
    makeRoom();
  });
  return () => {
    stopListening();
    controller.abort();
    makeRoom();
    aheadRuns.delete(run);
    for (const imageId of held) early.delete(imageId);
  };
}
