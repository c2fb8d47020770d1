import { TransportUnavailableError, type ImagingTransport } from '@/lib/imaging-http';
import { nextTask } from '@/lib/next-task';
import { readSeriesAnswer, type StreamedFrame, type WantedFrames } from './series-answer';
import type { SeriesWorkerAnswer, SeriesWorkerRequest } from './series-answer-service';

/**
 * Where a series answer is read. Its 300 instances are ~160 MB to take off the network, copy into
 * parts, parse and cut into frames: seconds of the main thread, which the renderer needs meanwhile,
 * so the app reads it in a worker (series-stream.worker.ts). The request is still made through the
 * imaging door, with `transport` sending it from where its body is read; the thread the body arrives
 * in is the one that reads it.
 */
export interface SeriesReader {
  /** How the imaging door sends the series request (unset: the page's own `fetch`). */
  readonly transport?: ImagingTransport;
  /**
   * Reads an ok answer that `transport` brought, handing each instance's wanted frames to
   * `onInstance` and reading no further until it resolves. Rejects when the answer breaks off.
   */
  read(
    response: Response,
    boundary: string,
    wanted: WantedFrames,
    onInstance: (frames: StreamedFrame[]) => Promise<void>,
    signal: AbortSignal,
  ): Promise<void>;
  /** Lets go of an answer that will not be read. */
  discard(response: Response): void;
}

/** In this thread: for a browser without module workers, or when the worker could not start. */
export const inlineSeriesReader: SeriesReader = {
  async read(response, boundary, wanted, onInstance, signal) {
    const body = response.body;
    if (!body) throw new TypeError('The answer has no body.');
    const stop = () => void body.cancel().catch(() => undefined);
    signal.addEventListener('abort', stop, { once: true });
    try {
      await readSeriesAnswer(body, boundary, wanted, async (frames) => {
        await onInstance(frames);
        if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        // An answer already in is otherwise read in one run of microtasks: the renderer could not draw.
        await nextTask();
      });
    } finally {
      signal.removeEventListener('abort', stop);
    }
  },
  discard: (response) => void response.body?.cancel().catch(() => undefined),
};

/** What the main thread hears about a request: the worker's answers, or that the worker failed. */
type Heard = SeriesWorkerAnswer | { type: 'worker-failed'; id: number };

/** The main thread's side of series-answer-service.ts, over a worker or (in tests) a MessagePort. */
export function workerSeriesReader(port: Worker | MessagePort, onBroken: () => void): SeriesReader {
  let lastId = 0;
  const listeners = new Map<number, (answer: Heard) => void>();
  const bodies = new WeakMap<Response, number>();
  const post = (request: SeriesWorkerRequest) => port.postMessage(request);
  const onAnswer: EventListener = (event) => {
    const answer = (event as MessageEvent<SeriesWorkerAnswer>).data;
    listeners.get(answer.id)?.(answer);
  };
  port.addEventListener('message', onAnswer);
  // A worker that cannot start (or fails): what it was doing is given up, and no more is sent to it.
  port.addEventListener('error', () => {
    onBroken();
    for (const [id, listener] of listeners) listener({ type: 'worker-failed', id });
  });
  if (port instanceof MessagePort) port.start();

  /**
   * Follows the worker's answers about `id` until `stop()`. The caller's signal aborting, or
   * `cancel(reason)`, stops it too, tells the worker to give the request up, and rejects with the reason.
   */
  const follow = (
    id: number,
    signal: AbortSignal,
    reject: (reason: unknown) => void,
    onAnswer: (answer: Heard) => void,
  ) => {
    const stop = () => {
      listeners.delete(id);
      signal.removeEventListener('abort', onAbort);
    };
    const cancel = (reason: unknown) => {
      stop();
      post({ type: 'cancel', id });
      reject(reason);
    };
    const onAbort = () => cancel(signal.reason);
    listeners.set(id, onAnswer);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    return { stop, cancel };
  };

  const transport: ImagingTransport = (url, { headers, signal }) =>
    new Promise((resolve, reject) => {
      const id = (lastId += 1);
      const { stop } = follow(id, signal, reject, (answer) => {
        stop();
        // The worker failing is the viewer's failure, not the server's (imaging-http.ts).
        if (answer.type === 'worker-failed')
          return reject(new TransportUnavailableError('the series reader stopped'));
        if (answer.type !== 'head') return reject(new TypeError('Failed to fetch'));
        const response = new Response(null, {
          status: answer.status,
          statusText: answer.statusText,
          headers: answer.headers,
        });
        bodies.set(response, id);
        resolve(response);
      });
      if (!signal.aborted) post({ type: 'fetch', id, url, headers });
    });

  return {
    transport,
    read: (response, boundary, wanted, onInstance, signal) =>
      new Promise<void>((resolve, reject) => {
        const id = bodies.get(response);
        if (id === undefined) return reject(new TypeError('Not an answer this reader sent for.'));
        // Instances are taken in one at a time, in order, each after the one before has made room.
        let taking = Promise.resolve();
        const { stop, cancel } = follow(id, signal, reject, (answer) => {
          if (answer.type === 'instance') {
            taking = taking.then(async () => {
              await onInstance(answer.frames);
              if (!signal.aborted) post({ type: 'more', id });
            });
            // A sink that fails ends the reading (the worker would otherwise wait for room forever).
            taking.catch(cancel);
            return;
          }
          stop();
          if (answer.type === 'end') void taking.then(resolve, reject);
          else reject(new TypeError('The answer broke off.'));
        });
        if (!signal.aborted) post({ type: 'read', id, boundary, wanted });
      }),
    discard: (response) => {
      const id = bodies.get(response);
      if (id !== undefined) post({ type: 'cancel', id });
    },
  };
}

let shared: SeriesReader | null = null;

/** The app's reader: one worker for the session, or this thread where there is none. */
export function seriesReader(): SeriesReader {
  if (shared) return shared;
  if (typeof Worker === 'undefined') return (shared = inlineSeriesReader);
  try {
    const worker = new Worker(new URL('./series-stream.worker.ts', import.meta.url), { type: 'module' });
    shared = workerSeriesReader(worker, () => {
      shared = inlineSeriesReader;
      worker.terminate();
    });
  } catch {
    shared = inlineSeriesReader;
  }
  return shared;
}
