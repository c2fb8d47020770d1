import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrameBytes } from './frame-request';

/** The imaging door, replaced by requests the test answers; an aborted one fails as fetch does. */
const door = vi.hoisted(() => ({
  requests: [] as { imageId: string; signal?: AbortSignal; answer: () => void }[],
}));
vi.mock('./frame-request', () => ({
  fetchFrame: (imageId: string, _authorization: unknown, signal?: AbortSignal) =>
    new Promise<FrameBytes>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      door.requests.push({
        imageId,
        signal,
        answer: () =>
          resolve({ pixelData: new Uint8Array([imageId.length]), transferSyntax: '1.2.840.10008.1.2.1' }),
      });
    }),
}));

const { fetchFramesAhead, fetchFrameEarly, takeEarlyFrame } = await import('./early-frames');
const { interactionRequestSent } = await import('./load-priority');

const noToken = () => Promise.resolve(null);
const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `wadors:https://pacs/${prefix}/frames/${i + 1}`);
/** Lets the answered requests' continuations run (the run sends the next ones from them). */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Answers every request, and the ones they lead to, `rounds` times over. */
async function answerAll(rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    for (const request of door.requests) request.answer();
    await flush();
  }
}
const answer = (imageId: string) => door.requests.find((r) => r.imageId === imageId)?.answer();

beforeEach(() => {
  door.requests.length = 0;
});

describe('fetchFramesAhead', () => {
  it('asks for the frames it may hold at once, each once, and the loader takes their bytes', async () => {
    const frames = ids('a', 9);
    fetchFrameEarly(frames[0] ?? '', noToken);
    const release = fetchFramesAhead(frames, noToken);
    // The first frame was asked for already.
    expect(door.requests.map((r) => r.imageId)).toEqual(frames);
    for (const frame of frames) answer(frame);
    const taken = await takeEarlyFrame(frames[3] ?? '');
    expect(taken?.pixelData).toEqual(new Uint8Array([(frames[3] ?? '').length]));
    // Taken once: the next load fetches for itself.
    expect(takeEarlyFrame(frames[3] ?? '')).toBeUndefined();
    release();
  });

  it('leaves a frame still queued to the loader that asks for it, and goes on with the others', async () => {
    const frames = ids('q', 10);
    const release = fetchFramesAhead(frames, noToken, 4);
    expect(takeEarlyFrame(frames[8] ?? '')).toBeUndefined();
    // Four on the wire; as each is taken the next goes out, the one the loader took skipped.
    for (const frame of frames.filter((_, i) => i !== 8)) {
      answer(frame);
      expect(await takeEarlyFrame(frame)).not.toBeNull();
    }
    expect(door.requests.map((r) => r.imageId)).toEqual(frames.filter((_, i) => i !== 8));
    release();
  });

  it('gives up the frames not in yet when a viewport sends a request of its own', async () => {
    const frames = ids('b', 4);
    const release = fetchFramesAhead(frames, noToken);
    answer(frames[0] ?? '');
    interactionRequestSent()();
    expect(door.requests.slice(1).every((r) => r.signal?.aborted)).toBe(true);
    expect(door.requests[0]?.signal?.aborted).toBe(true);
    // The frame already in is kept; the others give the loader nothing, so it fetches them itself.
    expect(await takeEarlyFrame(frames[0] ?? '')).not.toBeNull();
    expect(await takeEarlyFrame(frames[1] ?? '')).toBeNull();
    release();
  });

  it('forgets the frames nobody took once released (another series, the viewer closed)', () => {
    const frames = ids('c', 3);
    const release = fetchFramesAhead(frames, noToken);
    release();
    expect(door.requests.every((r) => r.signal?.aborted)).toBe(true);
    expect(frames.map((frame) => takeEarlyFrame(frame))).toEqual([undefined, undefined, undefined]);
  });

  it('keeps no more than it may hold untaken, and goes on as the loader takes them', async () => {
    const frames = ids('d', 100);
    const release = fetchFramesAhead(frames, noToken, 8);
    await answerAll(4);
    expect(door.requests).toHaveLength(8);
    expect(await takeEarlyFrame(frames[0] ?? '')).not.toBeNull();
    expect(await takeEarlyFrame(frames[7] ?? '')).not.toBeNull();
    await flush();
    expect(door.requests.map((r) => r.imageId).slice(8)).toEqual([frames[8], frames[9]]);
    release();
  });

  it('holds 64 frames at most, however small they are (none pushes another out before it is taken)', async () => {
    const frames = ids('e', 100);
    const release = fetchFramesAhead(frames, noToken, 1000);
    await answerAll(20);
    expect(door.requests).toHaveLength(64);
    expect(await takeEarlyFrame(frames[0] ?? '')).not.toBeNull();
    expect(await takeEarlyFrame(frames[63] ?? '')).not.toBeNull();
    release();
  });
});
