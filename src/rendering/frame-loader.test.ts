import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrameBytes } from './frame-request';

type Loader = (imageId: string, options?: Record<string, unknown>) => { promise: Promise<unknown> };

/** Cornerstone: the loader the app registers, kept to be called as Cornerstone would. */
const core = vi.hoisted(() => ({ loader: null as Loader | null }));
vi.mock('@cornerstonejs/core', () => ({
  Enums: { RequestType: { Interaction: 'interaction', Thumbnail: 'thumbnail', Prefetch: 'prefetch' } },
  imageLoader: { registerImageLoader: (_scheme: string, loader: Loader) => (core.loader = loader) },
}));
/** The pool's turn comes when the test says so. */
const pool = vi.hoisted(() => ({ turns: [] as (() => void)[] }));
vi.mock('./retrieval-pool', () => ({
  inRetrievalPool: (_imageId: string, _options: unknown, run: () => Promise<unknown>) =>
    new Promise<void>((turn) => pool.turns.push(turn)).then(run),
}));
const requests = vi.hoisted(() => ({ sent: [] as string[] }));
vi.mock('./frame-request', () => ({
  fetchFrame: (imageId: string) => {
    requests.sent.push(imageId);
    return Promise.resolve({ pixelData: new Uint8Array([0]), transferSyntax: '1.2.840.10008.1.2.1' });
  },
}));
vi.mock('./decode-frame', () => ({
  decodeFrame: (_imageId: string, frame: FrameBytes) => Promise.resolve(frame),
}));
vi.mock('./rendered-fallback', () => ({
  withRenderedFallback: (_imageId: string, load: () => Promise<unknown>) => load(),
}));

const { registerFrameLoader } = await import('./frame-loader');
const { keepEarlyFrame } = await import('./early-frames');

const noToken = () => Promise.resolve(null);
const frame = (value: number): FrameBytes => ({
  pixelData: new Uint8Array([value]),
  transferSyntax: '1.2.840.10008.1.2.1',
});
function load(imageId: string, requestType: string) {
  if (!core.loader) throw new Error('no loader registered');
  return core.loader(imageId, { requestType }).promise;
}

beforeEach(() => {
  registerFrameLoader(() => noToken);
  requests.sent.length = 0;
  pool.turns.length = 0;
});

describe('the wadors loader', () => {
  it('takes a frame fetched ahead without a request of its own', async () => {
    keepEarlyFrame('wadors:held', Promise.resolve(frame(7)));
    expect(await load('wadors:held', 'thumbnail')).toEqual(frame(7));
    expect(requests.sent).toEqual([]);
  });

  it('takes a frame that came while it waited for its turn in the pool instead of asking again', async () => {
    const loading = load('wadors:late', 'thumbnail');
    await vi.waitFor(() => expect(pool.turns).toHaveLength(1));
    keepEarlyFrame('wadors:late', Promise.resolve(frame(3))); // A series request brought it meanwhile.
    pool.turns[0]?.();
    expect(await loading).toEqual(frame(3));
    expect(requests.sent).toEqual([]);
  });

  it('asks for a frame nothing brought', async () => {
    const loading = load('wadors:missing', 'interaction');
    await vi.waitFor(() => expect(pool.turns).toHaveLength(1));
    pool.turns[0]?.();
    await loading;
    expect(requests.sent).toEqual(['wadors:missing']);
  });
});
