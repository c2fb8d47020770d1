import { vi } from 'vitest';

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

/** Stubs `fetch` (this thread's, which a worker's side in a test shares) to answer `response`. */
export function serverAnswering(response: Response): SeenRequest[] {
  const seen: SeenRequest[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    seen.push({
      url,
      accept: headers.get('Accept'),
      authorization: headers.get('Authorization'),
      signal: init.signal ?? null,
    });
    return Promise.resolve(response);
  });
  return seen;
}
