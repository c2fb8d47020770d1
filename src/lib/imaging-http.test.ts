import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDicomJson, retryAfterSeconds, type AuthorizationProvider } from './imaging-http';

describe('retryAfterSeconds', () => {
  it('reads delta-seconds and caps them', () => {
    expect(retryAfterSeconds('2')).toBe(2);
    expect(retryAfterSeconds('3600')).toBe(30);
  });
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(retryAfterSeconds('Mon, 23 Nov 2026 10:00:05 GMT', now)).toBe(5);
    expect(retryAfterSeconds('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('soon')).toBeNull();
  });
});

describe('fetchDicomJson', () => {
  const url = 'https://pacs.example.org/dicom-web/studies/1/series/2/metadata';

  function serverAnswering(...responses: Response[]) {
    const seen: { authorization: string | null }[] = [];
    vi.stubGlobal('fetch', (_input: string, init: RequestInit) => {
      seen.push({ authorization: new Headers(init.headers).get('Authorization') });
      const next = responses.shift();
      if (!next) throw new Error('no more responses');
      return Promise.resolve(next);
    });
    return seen;
  }

  afterEach(() => vi.unstubAllGlobals());

  it('retries a 401 once with a renewed token, for a token-sharing server', async () => {
    const seen = serverAnswering(new Response('', { status: 401 }), Response.json([{ a: 1 }]));
    let token = 'old';
    const provider: AuthorizationProvider = (_url, options) => {
      if (options?.renew) token = 'new';
      return Promise.resolve(`Bearer ${token}`);
    };
    await expect(fetchDicomJson(url, provider)).resolves.toEqual([{ a: 1 }]);
    expect(seen.map((request) => request.authorization)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('does not retry a 401 from a server that gets no token', async () => {
    const seen = serverAnswering(new Response('', { status: 401 }));
    await expect(fetchDicomJson(url, () => Promise.resolve(null))).rejects.toThrow(
      /refused access \(HTTP 401\)/,
    );
    expect(seen).toEqual([{ authorization: null }]);
  });

  it('waits out a 503 with Retry-After, telling the caller', async () => {
    serverAnswering(new Response('', { status: 503, headers: { 'Retry-After': '0' } }), Response.json([]));
    const waits: number[] = [];
    await expect(
      fetchDicomJson(url, () => Promise.resolve(null), { onBusy: (s) => waits.push(s) }),
    ).resolves.toEqual([]);
    expect(waits).toEqual([0]);
  });

  it('says clearly when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchDicomJson(url, () => Promise.resolve(null))).rejects.toThrow(
      'The image server at https://pacs.example.org could not be reached.',
    );
  });
});
