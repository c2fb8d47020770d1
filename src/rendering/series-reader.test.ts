import { afterEach, describe, expect, it, vi } from 'vitest';
import { seriesRetrievalPlan } from '@/domain/imaging/series-retrieval';
import { ImagingHttpError } from '@/lib/imaging-http';
import type { FrameBytes } from './frame-request';
import { serveSeriesAnswers } from './series-answer-service';
import { workerSeriesReader } from './series-reader';
import { streamSeriesFrames, type SeriesStreamSink } from './series-stream';
import { tinyPart10 } from './testing/part10';
import { seriesAnswer, type SeenRequest } from './testing/series-answer';

const SERIES = 'https://pacs.example.org/dicom-web/studies/1.2/series/1.2.3';
const frameId = (instance: string) => `wadors:${SERIES}/instances/${instance}/frames/1`;
const files = Array.from({ length: 8 }, (_, i) =>
  tinyPart10(4, 4, new Array<number>(16).fill(i), 1, `1.${i}`),
);
const plan = seriesRetrievalPlan(files.map((_, i) => frameId(`1.${i}`)));
if (!plan) throw new Error('no plan');

const ports: MessagePort[] = [];
afterEach(() => {
  vi.unstubAllGlobals();
  for (const port of ports.splice(0)) port.close();
});

/** The worker's side on one end of a channel, the main thread's on the other. */
function overChannel(onBroken: () => void = () => undefined) {
  const channel = new MessageChannel();
  ports.push(channel.port1, channel.port2);
  serveSeriesAnswers(channel.port1);
  return { reader: workerSeriesReader(channel.port2, onBroken), mainEnd: channel.port2 };
}

/** `fetch` answering each request with the next of `answers` (the last one again when they run out). */
function server(...answers: (() => Promise<Response>)[]): SeenRequest[] {
  const seen: SeenRequest[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    seen.push({
      url,
      accept: headers.get('Accept'),
      authorization: headers.get('Authorization'),
      signal: init.signal ?? null,
    });
    const answer = answers[Math.min(seen.length, answers.length) - 1];
    if (!answer) throw new Error('no answer');
    return answer();
  });
  return seen;
}

function sink(room: () => Promise<void> = () => Promise.resolve()) {
  const delivered = new Map<string, FrameBytes>();
  const target: SeriesStreamSink = {
    arrived: () => undefined,
    wants: (imageId) => !delivered.has(imageId),
    deliver: (imageId, frame) => delivered.set(imageId, frame),
    room,
  };
  return { target, delivered };
}

describe('a series answer read in a worker', () => {
  it('is asked for through the imaging door: the token it decides on, renewed once after a 401', async () => {
    const refused = new Response('no', { status: 401 });
    const seen = server(
      () => Promise.resolve(refused),
      () => Promise.resolve(seriesAnswer(files, 100).response),
    );
    const renewals: boolean[] = [];
    const authorizationFor = (_url: string, options?: { renew?: boolean }) => {
      renewals.push(options?.renew === true);
      return Promise.resolve(options?.renew ? 'Bearer renewed' : 'Bearer first');
    };
    const { target, delivered } = sink();
    await streamSeriesFrames(
      plan,
      target,
      authorizationFor,
      new AbortController().signal,
      overChannel().reader,
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
    const seen = server(() => Promise.resolve(answer.response));
    const controller = new AbortController();
    const { target, delivered } = sink(() => new Promise<void>(() => undefined));
    const done = streamSeriesFrames(
      plan,
      target,
      () => Promise.resolve(null),
      controller.signal,
      overChannel().reader,
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
    server(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await streamSeriesFrames(
      plan,
      sink().target,
      () => Promise.resolve(null),
      new AbortController().signal,
      overChannel().reader,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImagingHttpError);
    expect((error as ImagingHttpError).failure).toBe('unreachable');
  });

  it('gives up what it was doing and is no longer used when the worker fails', async () => {
    server(() => new Promise<Response>(() => undefined)); // The request never answers.
    const broken = vi.fn();
    const { reader, mainEnd } = overChannel(broken);
    const done = streamSeriesFrames(
      plan,
      sink().target,
      () => Promise.resolve(null),
      new AbortController().signal,
      reader,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    mainEnd.dispatchEvent(new Event('error'));
    await expect(done).rejects.toBeInstanceOf(ImagingHttpError);
    expect(broken).toHaveBeenCalledOnce();
  });
});
