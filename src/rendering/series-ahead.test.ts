import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrameBytes } from './frame-request';
import type { SeriesStreamSink } from './series-stream';

/** Frame requests, answered by nobody: the tests count them. */
const door = vi.hoisted(() => ({ requests: [] as string[] }));
vi.mock('./frame-request', () => ({
  fetchFrame: (imageId: string) => {
    door.requests.push(imageId);
    return new Promise<FrameBytes>(() => undefined);
  },
}));

/** The one request for a whole series, answered by the test: it delivers, then ends or fails. */
const stream = vi.hoisted(() => ({
  runs: [] as { sink: SeriesStreamSink; signal: AbortSignal; end: (error?: Error) => void }[],
}));
vi.mock('./series-stream', () => ({
  streamSeriesFrames: (_plan: unknown, sink: SeriesStreamSink, _auth: unknown, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      // As fetch does: an aborted request rejects.
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      stream.runs.push({ sink, signal, end: (error) => (error ? reject(error) : resolve()) });
    }),
}));

const { fetchSeriesAhead } = await import('./series-ahead');
const { takeEarlyFrame } = await import('./early-frames');
const { interactionRequestSent } = await import('./load-priority');

const noToken = () => Promise.resolve(null);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Frames of one WADO-RS series, as a series request's plan needs them. */
const seriesIds = (series: string, count: number) =>
  Array.from(
    { length: count },
    (_, i) => `wadors:https://pacs/dicom-web/studies/1.2/series/${series}/instances/1.${i}/frames/1`,
  );
const bytes = (value: number): FrameBytes => ({
  pixelData: new Uint8Array([value]),
  transferSyntax: '1.2.840.10008.1.2.1',
});
const at = (frames: readonly string[], index: number) => frames[index] ?? '';
function theStream() {
  const run = stream.runs.at(-1);
  if (!run) throw new Error('no series request');
  return run;
}
/** Whether `promise` has settled after the continuations now queued have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await flush();
  return done;
}

beforeEach(() => {
  door.requests.length = 0;
  stream.runs.length = 0;
});

describe('fetchSeriesAhead', () => {
  it('sends one request for the series instead of one a frame, and the loader takes what it brings', async () => {
    const frames = seriesIds('1.2.3', 20);
    const release = fetchSeriesAhead(frames, noToken, { ofSeries: 8, oneByOne: 8 }, { frameByFrame: true });
    expect(stream.runs).toHaveLength(1);
    expect(door.requests).toHaveLength(0);
    const { sink } = theStream();
    sink.deliver(at(frames, 2), bytes(2));
    expect((await takeEarlyFrame(at(frames, 2)))?.pixelData).toEqual(new Uint8Array([2]));
    expect(sink.wants(at(frames, 2))).toBe(false);
    release();
    expect(theStream().signal.aborted).toBe(true);
  });

  it('reads on only as the loader takes what it holds', async () => {
    const frames = seriesIds('1.2.4', 20);
    const release = fetchSeriesAhead(frames, noToken, { ofSeries: 2, oneByOne: 2 }, { frameByFrame: true });
    const { sink } = theStream();
    sink.deliver(at(frames, 0), bytes(0));
    await sink.room();
    sink.deliver(at(frames, 1), bytes(1));
    const room = sink.room();
    expect(await settled(room)).toBe(false);
    await takeEarlyFrame(at(frames, 0));
    expect(await settled(room)).toBe(true);
    release();
  });

  it('has the prefetch wait for a frame it brings, reading on past its budget to reach it', async () => {
    const frames = seriesIds('1.2.5', 20);
    const release = fetchSeriesAhead(frames, noToken, { ofSeries: 1, oneByOne: 1 }, { frameByFrame: true });
    const { sink } = theStream();
    sink.deliver(at(frames, 0), bytes(0));
    const room = sink.room();
    expect(await settled(room)).toBe(false);
    const coming = takeEarlyFrame(at(frames, 9), { waitForSeries: true });
    expect(coming).toBeDefined();
    expect(await settled(room)).toBe(true);
    sink.deliver(at(frames, 9), bytes(9));
    expect((await coming)?.pixelData).toEqual(new Uint8Array([9]));
    expect(door.requests).toHaveLength(0);
    release();
  });

  it('leaves the image a viewport waits for to its own request, and pauses reading until it is in', async () => {
    const frames = seriesIds('1.2.6', 20);
    const release = fetchSeriesAhead(frames, noToken, { ofSeries: 8, oneByOne: 8 }, { frameByFrame: true });
    const { sink, signal } = theStream();
    expect(takeEarlyFrame(at(frames, 15))).toBeUndefined();
    expect(sink.wants(at(frames, 15))).toBe(false);
    const done = interactionRequestSent();
    const room = sink.room();
    expect(await settled(room)).toBe(false);
    expect(signal.aborted).toBe(false);
    done();
    expect(await settled(room)).toBe(true);
    release();
  });

  it('fetches frame by frame what the series request did not bring, and the loader waiting fetches its own', async () => {
    const frames = seriesIds('1.2.7', 10);
    const release = fetchSeriesAhead(frames, noToken, { ofSeries: 4, oneByOne: 4 }, { frameByFrame: true });
    const run = theStream();
    run.sink.deliver(at(frames, 0), bytes(0));
    const waiting = takeEarlyFrame(at(frames, 1), { waitForSeries: true });
    run.end(new Error('406'));
    expect(await waiting).toBeNull();
    await flush();
    expect(door.requests).toEqual(frames.slice(2, 6));
    release();
  });

  it('gives up a series request that brings nothing while the loader waits, and goes frame by frame', async () => {
    vi.useFakeTimers();
    try {
      const frames = seriesIds('1.2.13', 10);
      const release = fetchSeriesAhead(frames, noToken, { ofSeries: 4, oneByOne: 4 }, { frameByFrame: true });
      const { sink, signal } = theStream();
      const waiting = takeEarlyFrame(at(frames, 3), { waitForSeries: true });
      await vi.advanceTimersByTimeAsync(2000);
      // Still moving: an instance came (one nobody wanted).
      sink.arrived();
      await vi.advanceTimersByTimeAsync(2000);
      expect(signal.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1000);
      expect(signal.aborted).toBe(true);
      expect(await waiting).toBeNull();
      expect(door.requests).toEqual(frames.filter((_, i) => i !== 3).slice(0, 4));
      release();
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves the rest to the renderer after the series request when told to', async () => {
    const frames = seriesIds('1.2.8', 10);
    const release = fetchSeriesAhead(frames, noToken, { ofSeries: 4, oneByOne: 4 }, { frameByFrame: false });
    theStream().end(new Error('406'));
    await flush();
    expect(door.requests).toHaveLength(0);
    release();
  });

  it('uses frame requests for a few instances or frames of other series, or nothing when told not to', () => {
    fetchSeriesAhead(seriesIds('1.2.9', 6), noToken, { ofSeries: 8, oneByOne: 8 }, { frameByFrame: true })();
    const cine = Array.from(
      { length: 20 },
      (_, i) => `wadors:https://pacs/dicom-web/studies/1.2/series/1.2.14/instances/1.1/frames/${i + 1}`,
    );
    fetchSeriesAhead(cine, noToken, { ofSeries: 8, oneByOne: 8 }, { frameByFrame: false })();
    fetchSeriesAhead(
      [...seriesIds('1.2.10', 5), ...seriesIds('1.2.11', 5)],
      noToken,
      { ofSeries: 8, oneByOne: 8 },
      {
        frameByFrame: true,
      },
    )();
    expect(stream.runs).toHaveLength(0);
    expect(door.requests).toHaveLength(6 + 8);
    fetchSeriesAhead(
      seriesIds('1.2.12', 4),
      noToken,
      { ofSeries: 8, oneByOne: 8 },
      { frameByFrame: false },
    )();
    expect(door.requests).toHaveLength(6 + 8);
  });
});
