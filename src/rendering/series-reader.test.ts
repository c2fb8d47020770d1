import { afterEach, describe, expect, it, vi } from 'vitest';
import { seriesRetrievalPlan } from '@/domain/imaging/series-retrieval';
import { ImagingHttpError } from '@/lib/imaging-http';
import { originResting, recordNoAnswer, resetOriginBreakers } from '@/lib/origin-breaker';
import { streamSeriesFrames } from './series-stream';
import { tinyPart10 } from './testing/part10';
import {
  closeChannels,
  collectingSink,
  readerOverChannel,
  seriesAnswer,
  serverAnswering,
} from './testing/series-answer';

const SERIES = 'https://pacs.example.org/dicom-web/studies/1.2/series/1.2.3';
const frameId = (instance: string) => `wadors:${SERIES}/instances/${instance}/frames/1`;
const files = Array.from({ length: 8 }, (_, i) =>
  tinyPart10(4, 4, new Array<number>(16).fill(i), 1, `1.${i}`),
);
const plan = seriesRetrievalPlan(files.map((_, i) => frameId(`1.${i}`)));
if (!plan) throw new Error('no plan');

afterEach(() => {
  vi.unstubAllGlobals();
  closeChannels();
  resetOriginBreakers();
});

describe('a series answer read in a worker', () => {
  it('is asked for through the imaging door: the token it decides on, renewed once after a 401', async () => {
    const refused = new Response('no', { status: 401 });
    const seen = serverAnswering(
      () => Promise.resolve(refused),
      () => Promise.resolve(seriesAnswer(files, 100).response),
    );
    const renewals: boolean[] = [];
    const authorizationFor = (_url: string, options?: { renew?: boolean }) => {
      renewals.push(options?.renew === true);
      return Promise.resolve(options?.renew ? 'Bearer renewed' : 'Bearer first');
    };
    const { sink, delivered } = collectingSink();
    await streamSeriesFrames(
      plan,
      sink,
      authorizationFor,
      new AbortController().signal,
      readerOverChannel().reader,
    );
    expect(seen.map((request) => request.authorization)).toEqual(['Bearer first', 'Bearer renewed']);
    expect(renewals).toContain(true);
    expect(delivered.size).toBe(files.length);
    expect([...(delivered.get(frameId('1.5'))?.pixelData ?? [])]).toEqual(new Array<number>(16).fill(5));
    // The refused answer's body is let go of in the worker, not left open.
    expect(refused.bodyUsed || refused.body?.locked).toBe(true);
  });

  it('stops the request in the worker when the caller gives up mid-answer', async () => {
    const answer = seriesAnswer(files, 40);
    const seen = serverAnswering(() => Promise.resolve(answer.response));
    const controller = new AbortController();
    const { sink, delivered } = collectingSink(() => new Promise<void>(() => undefined));
    const done = streamSeriesFrames(
      plan,
      sink,
      () => Promise.resolve(null),
      controller.signal,
      readerOverChannel().reader,
    );
    await vi.waitFor(() => expect(delivered.size).toBe(1));
    controller.abort();
    await expect(done).rejects.toThrow();
    await vi.waitFor(() => expect(seen[0]?.signal?.aborted).toBe(true));
    const pulled = answer.pulled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answer.pulled()).toBe(pulled);
    expect(pulled).toBeLessThan(answer.chunks);
  });

  it('says the server could not be reached when the request gets no answer', async () => {
    serverAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await streamSeriesFrames(
      plan,
      collectingSink().sink,
      () => Promise.resolve(null),
      new AbortController().signal,
      readerOverChannel().reader,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImagingHttpError);
    expect((error as ImagingHttpError).failure).toBe('unreachable');
  });

  it('gives up what it was doing and is no longer used when the worker fails', async () => {
    const broken = vi.fn();
    expect(await readWhileTheWorkerFails(broken)).toBeInstanceOf(ImagingHttpError);
    expect(broken).toHaveBeenCalledOnce();
  });

  it('does not count a worker that fails against the image server (the origin breaker)', async () => {
    const origin = new URL(plan.seriesUrl).origin;
    // Two requests in a row without an answer: one more would have the server left alone for a while.
    recordNoAnswer(origin);
    recordNoAnswer(origin);
    expect(await readWhileTheWorkerFails()).toBeInstanceOf(ImagingHttpError);
    expect(originResting(origin)).toBe(0);
  });
});

/** A series read in a worker whose request never answers, and which then fails: what the read ends with. */
const readWhileTheWorkerFails = async (onBroken: () => void = vi.fn()): Promise<unknown> => {
  serverAnswering(() => new Promise<Response>(() => undefined));
  const { reader, mainEnd } = readerOverChannel(onBroken);
  const done = streamSeriesFrames(
    plan,
    collectingSink().sink,
    () => Promise.resolve(null),
    new AbortController().signal,
    reader,
  ).catch((caught: unknown) => caught);
  await new Promise((resolve) => setTimeout(resolve, 10));
  mainEnd.dispatchEvent(new Event('error'));
  return done;
};
