import { readSeriesAnswer, type StreamedFrame, type WantedFrames } from './series-answer';

/**
 * The worker's side of reading a series answer off the main thread (series-reader.ts is the other).
 * The request is sent from the worker, so that its body arrives there, but everything the imaging
 * door decides (the token, a renewal after a 401, a busy server's wait, the timeout) stays on the
 * main thread: the worker only sends what it is given and reports the answer's status and headers.
 * An answer that is not ok is dropped here at once; an ok one is kept until it is read or cancelled.
 */
export type SeriesWorkerRequest =
  | { type: 'fetch'; id: number; url: string; headers: Record<string, string> }
  | { type: 'read'; id: number; boundary: string; wanted: WantedFrames }
  /** The main thread has room for one more instance's frames. */
  | { type: 'more'; id: number }
  | { type: 'cancel'; id: number };

export type SeriesWorkerAnswer =
  | { type: 'head'; id: number; status: number; statusText: string; headers: [string, string][] }
  /** The request got no answer (as `fetch` rejects). */
  | { type: 'unreachable'; id: number }
  | { type: 'instance'; id: number; frames: StreamedFrame[] }
  | { type: 'end'; id: number }
  /** The answer broke off or could not be read as multipart. */
  | { type: 'broken'; id: number };

/** The parts of a worker's global scope (or a MessagePort, in tests) used here. */
export interface SeriesPort {
  postMessage(message: SeriesWorkerAnswer, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<SeriesWorkerRequest>) => void) | null;
}

/**
 * Instances posted before the main thread says it has room for more: one is parsed while the main
 * thread takes the other in, and no more than that is ever held beyond its budget.
 */
const INSTANCES_IN_FLIGHT = 2;

interface Answer {
  controller: AbortController;
  body: ReadableStream<Uint8Array> | null;
  credits: number;
  wake: (() => void) | null;
}

export function serveSeriesAnswers(port: SeriesPort): void {
  const answers = new Map<number, Answer>();
  const post = (message: SeriesWorkerAnswer, transfer: Transferable[] = []) =>
    port.postMessage(message, transfer);

  const send = async (id: number, url: string, headers: Record<string, string>) => {
    const answer: Answer = { controller: new AbortController(), body: null, credits: 0, wake: null };
    answers.set(id, answer);
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: answer.controller.signal });
    } catch {
      if (answers.delete(id)) post({ type: 'unreachable', id });
      return;
    }
    if (!answers.has(id) || !response.ok || !response.body) {
      answers.delete(id);
      void response.body?.cancel().catch(() => undefined);
    } else answer.body = response.body;
    post({
      type: 'head',
      id,
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
    });
  };

  const read = async (id: number, boundary: string, wanted: WantedFrames) => {
    const answer = answers.get(id);
    if (!answer?.body) return post({ type: 'broken', id });
    answer.credits = INSTANCES_IN_FLIGHT;
    const { signal } = answer.controller;
    try {
      await readSeriesAnswer(answer.body, boundary, wanted, async (frames) => {
        answer.credits -= 1;
        post({ type: 'instance', id, frames }, transferListOf(frames));
        while (answer.credits <= 0 && !signal.aborted)
          await new Promise<void>((wake) => (answer.wake = wake));
        if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
      });
      post({ type: 'end', id });
    } catch {
      if (!signal.aborted) post({ type: 'broken', id });
    } finally {
      answers.delete(id);
    }
  };

  port.onmessage = ({ data }) => {
    const answer = answers.get(data.id);
    switch (data.type) {
      case 'fetch':
        return void send(data.id, data.url, data.headers);
      case 'read':
        return void read(data.id, data.boundary, data.wanted);
      case 'more':
        if (!answer) return;
        answer.credits += 1;
        answer.wake?.();
        return;
      case 'cancel':
        if (!answer) return;
        answers.delete(data.id);
        answer.controller.abort();
        answer.wake?.();
        void answer.body?.cancel().catch(() => undefined);
    }
  };
}

/** Each frame's buffer once (frames of one instance may share one). */
function transferListOf(frames: readonly StreamedFrame[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { frame } of frames) {
    const { buffer } = frame.pixelData;
    if (buffer instanceof ArrayBuffer) buffers.add(buffer);
  }
  return [...buffers];
}
