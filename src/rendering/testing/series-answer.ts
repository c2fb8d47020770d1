import { vi } from 'vitest';
import type { FrameBytes } from '../frame-request';
import { serveSeriesAnswers } from '../series-answer-service';
import { workerSeriesReader } from '../series-reader';
import type { SeriesStreamSink } from '../series-stream';

const encode = (text: string) => new TextEncoder().encode(text);

/** A Retrieve Series answer: each Part 10 file a part, the whole cut into chunks of `chunkSize` bytes. */
export function seriesAnswer(files: readonly Uint8Array[], chunkSize: number) {
  const boundary = 'series-boundary';
  const pieces = files.flatMap((file) => [
    encode(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`),
    file,
    encode('\r\n'),
  ]);
  const body = concat([...pieces, encode(`--${boundary}--\r\n`)]);
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const start = pulled * chunkSize;
        if (start >= body.length) return controller.close();
        pulled += 1;
        controller.enqueue(body.slice(start, start + chunkSize));
      },
      cancel() {
        cancelled = true;
      },
    },
    // Nothing read ahead of the reader: each chunk is pulled when asked for.
    { highWaterMark: 0 },
  );
  const response = new Response(stream, {
    headers: { 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}` },
  });
  return {
    response,
    pulled: () => pulled,
    cancelled: () => cancelled,
    chunks: Math.ceil(body.length / chunkSize),
  };
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export interface SeenRequest {
  url: string;
  accept: string | null;
  authorization: string | null;
  signal: AbortSignal | null;
}

/**
 * Stubs `fetch` (this thread's, which a worker's side in a test shares) to answer each request with the
 * next of `answers`, the last one again when they run out.
 */
export function serverAnswering(...answers: (Response | (() => Promise<Response>))[]): SeenRequest[] {
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
    return answer instanceof Response ? Promise.resolve(answer) : answer();
  });
  return seen;
}

/** A sink that wants every frame of the plan and always has room (unless told otherwise). */
export function collectingSink(room: () => Promise<void> = () => Promise.resolve()) {
  const delivered = new Map<string, FrameBytes>();
  const sink: SeriesStreamSink = {
    arrived: () => undefined,
    wants: (imageId) => !delivered.has(imageId),
    deliver: (imageId, frame) => delivered.set(imageId, frame),
    room,
  };
  return { sink, delivered };
}

const openPorts: MessagePort[] = [];

/** The worker's side on one end of a channel, the main thread's on the other (as with a Worker). */
export function readerOverChannel(onBroken: () => void = () => undefined) {
  const channel = new MessageChannel();
  openPorts.push(channel.port1, channel.port2);
  serveSeriesAnswers(channel.port1);
  return { reader: workerSeriesReader(channel.port2, onBroken), mainEnd: channel.port2 };
}

/** Closes the channels `readerOverChannel` opened (after each test). */
export function closeChannels(): void {
  for (const port of openPorts.splice(0)) port.close();
}
