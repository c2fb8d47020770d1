import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseSeriesInstanceUid, parseStudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { seriesKeyOf } from '@/domain/dicomweb/series-key';
import { baseUrl, checked } from '@/domain/dicomweb/testing/checked-inputs';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { fetchFrame } from './frame-request';
import { rememberStoredTransferSyntax } from './frame-transfer-syntax';
import { frameResponse } from './testing/frame-response';
import { tinyPart10 } from './testing/part10';

const BASE = 'https://pacs.example.org/dicom-web';
const frameUrl = (instance: string) => `${BASE}/studies/1.2/series/1.2.3/instances/${instance}/frames/1`;
const frameId = (instance: string) => `wadors:${frameUrl(instance)}`;

interface Seen {
  url: string;
  authorization: string | null;
  accept: string | null;
}

/** The image server: answers in order, and records what each request carried. */
function serverAnswering(...responses: Response[]): Seen[] {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    seen.push({ url, authorization: headers.get('Authorization'), accept: headers.get('Accept') });
    const next = responses.shift();
    return next ? Promise.resolve(next) : Promise.reject(new TypeError('Failed to fetch'));
  });
  return seen;
}

/** A token-sharing server's provider: "renew" stands for the refresh the session would do. */
function tokenProvider(): AuthorizationProvider {
  let token = 'old';
  return (_url, options) => {
    if (options?.renew) token = 'new';
    return Promise.resolve(`Bearer ${token}`);
  };
}

describe('fetchFrame: frames go through the imaging door', () => {
  let notices: unknown[];
  beforeEach(() => {
    // The app's busy notice is a window event; collect what a clinician would be shown.
    const target = new EventTarget();
    notices = [];
    target.addEventListener('imaging-server-busy', (event) => notices.push((event as CustomEvent).detail));
    vi.stubGlobal('window', target);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('renews the token once on a 401 and gets the frame', async () => {
    const seen = serverAnswering(
      new Response('', { status: 401 }),
      frameResponse([1, 2, 3], '1.2.840.10008.1.2.1'),
    );
    const frame = await fetchFrame(frameId('1.2.3.4'), tokenProvider());
    expect([...frame.pixelData]).toEqual([1, 2, 3]);
    expect(frame.transferSyntax).toBe('1.2.840.10008.1.2.1');
    expect(seen.map((request) => request.authorization)).toEqual(['Bearer old', 'Bearer new']);
    expect(seen.every((request) => request.url === frameUrl('1.2.3.4'))).toBe(true);
  });

  it('waits out a 503 with Retry-After, with the notice on screen, then gets the frame', async () => {
    serverAnswering(
      new Response('', { status: 503, headers: { 'Retry-After': '0' } }),
      frameResponse([9], '1.2.840.10008.1.2.4.50'),
    );
    const frame = await fetchFrame(frameId('1.2.3.5'), tokenProvider());
    expect(frame.transferSyntax).toBe('1.2.840.10008.1.2.4.50');
    expect(notices).toEqual([{ origin: 'https://pacs.example.org', retryInSeconds: 0 }]);
  });

  it('sends no token to a server the policy does not name, and does not retry its 401', async () => {
    const seen = serverAnswering(new Response('', { status: 401 }));
    await expect(fetchFrame(frameId('1.2.3.6'), () => Promise.resolve(null))).rejects.toThrow(
      'The image server at https://pacs.example.org refused access (HTTP 401).',
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.authorization).toBeNull();
  });

  it('asks again as explicit little endian when the server cannot send the stored encoding, and remembers it for the series', async () => {
    const series = seriesKeyOf(
      baseUrl(BASE),
      checked(parseStudyInstanceUid('1.2')),
      checked(parseSeriesInstanceUid('1.2.3')),
    );
    rememberStoredTransferSyntax(frameId('1.2.3.7'), series, null);
    rememberStoredTransferSyntax(frameId('1.2.3.8'), series, null);
    const seen = serverAnswering(
      new Response('', { status: 500 }),
      frameResponse([5], '1.2.840.10008.1.2.1'),
      frameResponse([6], '1.2.840.10008.1.2.1'),
    );
    await fetchFrame(frameId('1.2.3.7'), () => Promise.resolve(null));
    await fetchFrame(frameId('1.2.3.8'), () => Promise.resolve(null));
    expect(seen.map((request) => request.accept?.split('transfer-syntax=')[1])).toEqual([
      '*',
      '1.2.840.10008.1.2.1',
      '1.2.840.10008.1.2.1',
    ]);
  });

  it('takes the frame from the whole instance when the server refuses it in every encoding, and goes straight there for the rest of the series', async () => {
    const series = seriesKeyOf(
      baseUrl(BASE),
      checked(parseStudyInstanceUid('1.2')),
      checked(parseSeriesInstanceUid('1.2.4')),
    );
    const frameOf = (instance: string, frame: number) =>
      `${BASE}/studies/1.2/series/1.2.4/instances/${instance}/frames/${frame}`;
    for (const id of ['wadors:' + frameOf('9.1', 2), 'wadors:' + frameOf('9.2', 1)])
      rememberStoredTransferSyntax(id, series, null);
    const part10 = (first: number) =>
      new Response(
        new Uint8Array([
          ...new TextEncoder().encode('--i\r\nContent-Type: application/dicom\r\n\r\n'),
          ...tinyPart10(2, 2, [first, first + 1, first + 2, first + 3, 10, 11, 12, 13], 2),
          ...new TextEncoder().encode('\r\n--i--\r\n'),
        ]),
        { headers: { 'Content-Type': 'multipart/related; type="application/dicom"; boundary=i' } },
      );
    const seen = serverAnswering(
      new Response('', { status: 400 }),
      new Response('', { status: 400 }),
      part10(1),
      part10(5),
    );
    const second = await fetchFrame('wadors:' + frameOf('9.1', 2), tokenProvider());
    expect([...second.pixelData]).toEqual([10, 11, 12, 13]);
    expect(second.transferSyntax).toBe('1.2.840.10008.1.2.1');
    const other = await fetchFrame('wadors:' + frameOf('9.2', 1), tokenProvider());
    expect([...other.pixelData]).toEqual([5, 6, 7, 8]);
    expect(seen.map((request) => [request.url.split('/dicom-web')[1], request.accept])).toEqual([
      ['/studies/1.2/series/1.2.4/instances/9.1/frames/2', expect.stringContaining('transfer-syntax=*')],
      [
        '/studies/1.2/series/1.2.4/instances/9.1/frames/2',
        expect.stringContaining('transfer-syntax=1.2.840.10008.1.2.1'),
      ],
      [
        '/studies/1.2/series/1.2.4/instances/9.1',
        'multipart/related; type="application/dicom"; transfer-syntax=*',
      ],
      [
        '/studies/1.2/series/1.2.4/instances/9.2',
        'multipart/related; type="application/dicom"; transfer-syntax=*',
      ],
    ]);
    // The token went with the instance as with the frames: one door, one policy.
    expect(seen.every((request) => request.authorization === 'Bearer old')).toBe(true);
  });

  it('does not fall back to the instance when the image is missing or access is refused', async () => {
    const seen = serverAnswering(new Response('', { status: 404 }));
    await expect(fetchFrame(frameId('1.2.3.9'), () => Promise.resolve(null))).rejects.toThrow('HTTP 404');
    expect(seen).toHaveLength(1);
  });

  it('two requests for one frame refused at once both move to explicit little endian, not past it', async () => {
    const seen = serverAnswering(
      new Response('', { status: 500 }),
      new Response('', { status: 500 }),
      frameResponse([1], '1.2.840.10008.1.2.1'),
      frameResponse([1], '1.2.840.10008.1.2.1'),
    );
    const id = frameId('1.2.3.10');
    const frames = await Promise.all([
      fetchFrame(id, () => Promise.resolve(null)),
      fetchFrame(id, () => Promise.resolve(null)),
    ]);
    expect(frames.map((frame) => frame.transferSyntax)).toEqual([
      '1.2.840.10008.1.2.1',
      '1.2.840.10008.1.2.1',
    ]);
    expect(seen.map((request) => request.accept?.split('transfer-syntax=')[1])).toEqual([
      '*',
      '*',
      '1.2.840.10008.1.2.1',
      '1.2.840.10008.1.2.1',
    ]);
  });
});
