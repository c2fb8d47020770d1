import { afterEach, describe, expect, it, vi } from 'vitest';
import { seriesRetrievalPlan } from '@/domain/imaging/series-retrieval';
import { ImagingHttpError } from '@/lib/imaging-http';
import { inlineSeriesReader } from './series-reader';
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
const frameId = (instance: string, frame = 1) => `wadors:${SERIES}/instances/${instance}/frames/${frame}`;
const encode = (text: string) => new TextEncoder().encode(text);

const noToken = () => Promise.resolve(null);

afterEach(() => {
  vi.unstubAllGlobals();
  closeChannels();
});

describe.each([
  ['in this thread', () => inlineSeriesReader],
  ['in a worker', () => readerOverChannel().reader],
])('streamSeriesFrames, the answer read %s', (_, makeReader) => {
  it('asks for the series as stored and hands over each wanted frame, however the answer is cut', async () => {
    const files = [
      tinyPart10(2, 2, [1, 2, 3, 4], 1, '1.1'),
      tinyPart10(2, 2, [9, 9, 9, 9], 1, '7.7'), // in the series, not wanted
      tinyPart10(1, 2, [5, 6, 7, 8], 2, '1.2'), // two frames
      encode('not a DICOM file at all'),
      tinyPart10(2, 2, [10, 11, 12, 13], 1, '1.3'),
    ];
    for (const chunkSize of [7, 64, 100_000]) {
      const { response } = seriesAnswer(files, chunkSize);
      const seen = serverAnswering(response);
      const plan = seriesRetrievalPlan([
        frameId('1.1'),
        frameId('1.2', 1),
        frameId('1.2', 2),
        frameId('1.3'),
      ]);
      if (!plan) throw new Error('no plan');
      const { sink, delivered } = collectingSink();
      await streamSeriesFrames(plan, sink, noToken, new AbortController().signal, makeReader());
      expect(seen.map(({ url, accept, authorization }) => ({ url, accept, authorization }))).toEqual([
        {
          url: SERIES,
          accept: 'multipart/related; type="application/dicom"; transfer-syntax=*',
          authorization: null,
        },
      ]);
      expect([...delivered.keys()]).toEqual([
        frameId('1.1'),
        frameId('1.2', 1),
        frameId('1.2', 2),
        frameId('1.3'),
      ]);
      expect([...(delivered.get(frameId('1.1'))?.pixelData ?? [])]).toEqual([1, 2, 3, 4]);
      expect([...(delivered.get(frameId('1.2', 2))?.pixelData ?? [])]).toEqual([7, 8]);
      expect([...(delivered.get(frameId('1.3'))?.pixelData ?? [])]).toEqual([10, 11, 12, 13]);
      expect(delivered.get(frameId('1.3'))?.transferSyntax).toBe('1.2.840.10008.1.2.1');
    }
  });

  it('reads no further while the sink has no room, and goes on when it has', async () => {
    const files = Array.from({ length: 8 }, (_, i) =>
      tinyPart10(8, 8, new Array<number>(64).fill(i), 1, `1.${i}`),
    );
    const { response, pulled, chunks } = seriesAnswer(files, 32);
    serverAnswering(response);
    const plan = seriesRetrievalPlan(files.map((_, i) => frameId(`1.${i}`)));
    if (!plan) throw new Error('no plan');
    let makeRoom: () => void = () => undefined;
    const { sink, delivered } = collectingSink(() => new Promise<void>((resolve) => (makeRoom = resolve)));
    const done = streamSeriesFrames(plan, sink, noToken, new AbortController().signal, makeReader());
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    await vi.waitFor(() => expect(delivered.size).toBe(1));
    await pause();
    const pulledWhenFull = pulled();
    await pause();
    expect(pulled()).toBe(pulledWhenFull);
    // A worker parses one instance more while the first is taken in: still well short of the answer.
    expect(pulledWhenFull).toBeLessThan(chunks / 2);
    for (let i = 0; i < files.length - 1; i += 1) {
      makeRoom();
      await vi.waitFor(() => expect(delivered.size).toBe(i + 2));
    }
    makeRoom();
    await done;
    expect(pulled()).toBe(chunks);
  });

  it('rejects an answer that is not multipart, or that the server refuses, so the frames go one by one', async () => {
    const plan = seriesRetrievalPlan([frameId('1.1')]);
    if (!plan) throw new Error('no plan');
    serverAnswering(
      new Response(tinyPart10(1, 1, [1], 1, '1.1').slice().buffer, {
        headers: { 'Content-Type': 'application/dicom' },
      }),
    );
    await expect(
      streamSeriesFrames(plan, collectingSink().sink, noToken, new AbortController().signal, makeReader()),
    ).rejects.toThrow('did not send the series as multipart/related');
    serverAnswering(new Response('{}', { status: 406 }));
    await expect(
      streamSeriesFrames(plan, collectingSink().sink, noToken, new AbortController().signal, makeReader()),
    ).rejects.toBeInstanceOf(ImagingHttpError);
  });

  it('rejects an answer that breaks off, having handed over what came before', async () => {
    const files = [tinyPart10(1, 1, [1], 1, '1.1'), tinyPart10(1, 1, [2], 1, '1.2')];
    const { response } = seriesAnswer(files, 16);
    const whole = new Uint8Array(await response.arrayBuffer());
    const cut = whole.slice(0, whole.length - 40).buffer;
    serverAnswering(new Response(cut, { headers: response.headers }));
    const plan = seriesRetrievalPlan([frameId('1.1'), frameId('1.2')]);
    if (!plan) throw new Error('no plan');
    const { sink, delivered } = collectingSink();
    await expect(
      streamSeriesFrames(plan, sink, noToken, new AbortController().signal, makeReader()),
    ).rejects.toThrow();
    expect([...delivered.keys()]).toEqual([frameId('1.1')]);
  });
});
