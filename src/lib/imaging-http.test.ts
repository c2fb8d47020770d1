import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createAuthorizationProvider,
  fetchDicomJson,
  fetchImaging,
  ImagingHttpError,
  type AuthorizationProvider,
} from './imaging-http';
import { routeImagingThrough } from './imaging-routes';
import { retryAfterSeconds } from './retry-after';
import { resetOriginBreakers } from './origin-breaker';
import { SessionExpiry } from './session-expiry';
import type { SmartClient } from './smart-client';
import { TokenPolicyStore } from './token-policy-store';
import { currentServerWaits, SLOW_REQUEST_NOTICE_MS } from './server-waits';

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

  afterEach(() => {
    vi.unstubAllGlobals();
    resetOriginBreakers();
  });

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

  /** A server that accepts the connection and never answers (until the request is aborted). */
  function serverHanging() {
    vi.stubGlobal(
      'fetch',
      (_input: string, init: RequestInit) =>
        new Promise((_resolve, reject) => {
          // As a real fetch does: an aborted signal rejects at once, a later abort when it comes.
          if (init.signal?.aborted) reject(init.signal.reason as Error);
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
        }),
    );
  }

  it('gives up on a server that does not answer, saying which and how long it waited', async () => {
    serverHanging();
    await expect(
      fetchImaging(url, { accept: '*/*', authorizationFor: () => Promise.resolve(null), timeoutMs: 20 }),
    ).rejects.toThrow('The image server at https://pacs.example.org did not answer within 0 s.');
  });

  it('names a slow server on screen after a few seconds, until it answers or is given up', async () => {
    vi.useFakeTimers();
    serverHanging();
    const failed = expect(
      fetchImaging(url, { accept: '*/*', authorizationFor: () => Promise.resolve(null), timeoutMs: 10_000 }),
    ).rejects.toThrow('did not answer within 10 s');
    await vi.advanceTimersByTimeAsync(SLOW_REQUEST_NOTICE_MS);
    expect(currentServerWaits()).toEqual([{ server: 'image', address: 'https://pacs.example.org' }]);
    await vi.advanceTimersByTimeAsync(10_000);
    await failed;
    expect(currentServerWaits()).toEqual([]);
    vi.useRealTimers();
  });

  it("stops when the caller aborts, with the caller's reason", async () => {
    serverHanging();
    const controller = new AbortController();
    const pending = fetchImaging(url, {
      accept: '*/*',
      authorizationFor: () => Promise.resolve(null),
      signal: controller.signal,
    });
    controller.abort(new Error('row scrolled away'));
    await expect(pending).rejects.toThrow('row scrolled away');
  });

  it('says the server sent an invalid response when its JSON is broken', async () => {
    serverAnswering(new Response('{"broken', { headers: { 'Content-Type': 'application/dicom+json' } }));
    await expect(fetchDicomJson(url, () => Promise.resolve(null))).rejects.toThrow(
      'The image server at https://pacs.example.org sent an invalid response.',
    );
  });

  it('rests a server that gave no answer three times in a row for background work, never for the user', async () => {
    let requests = 0;
    vi.stubGlobal('fetch', () => {
      requests += 1;
      return Promise.reject(new TypeError('Failed to fetch'));
    });
    const noToken = () => Promise.resolve(null);
    for (let i = 0; i < 3; i += 1)
      await expect(fetchDicomJson(url, noToken, { background: true })).rejects.toThrow(
        'could not be reached',
      );
    expect(requests).toBe(3);

    const rested = await fetchDicomJson(url, noToken, { background: true }).catch((error: unknown) => error);
    expect(requests).toBe(3);
    expect(rested).toBeInstanceOf(ImagingHttpError);
    expect((rested as ImagingHttpError).failure).toBe('unreachable');
    expect((rested as ImagingHttpError).message).toMatch(/asked again in 30 s/);

    // What the user asks for still goes; once the server answers, background work resumes.
    serverAnswering(Response.json([]));
    await expect(fetchDicomJson(url, noToken)).resolves.toEqual([]);
    serverAnswering(Response.json([{}]));
    await expect(fetchDicomJson(url, noToken, { background: true })).resolves.toEqual([{}]);
  });
});

describe('createAuthorizationProvider', () => {
  afterEach(() => vi.unstubAllGlobals());

  // A session whose token never needs renewing: no expiry, no refresh token.
  const client = { state: { tokenResponse: { access_token: 'secret' } } } as unknown as SmartClient;

  function providerTrusting(addresses: string[]) {
    const policy = new TokenPolicyStore({ fhirBaseUrl: 'https://ehr.example.org/fhir' });
    policy.trust(addresses);
    return createAuthorizationProvider(client, policy, new SessionExpiry());
  }

  it('sends the token to a declared endpoint on the FHIR server’s origin', async () => {
    const provider = providerTrusting(['https://ehr.example.org/dicom-web']);
    await expect(provider('https://ehr.example.org/dicom-web/studies/1')).resolves.toBe('Bearer secret');
  });

  it('sends nothing to a declared endpoint on an untrusted origin, and says why', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const provider = providerTrusting(['https://evil.example/dicom-web']);
    const url = 'https://evil.example/dicom-web/studies/1/series/2/metadata';
    const failure = await fetchDicomJson(url, provider).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImagingHttpError);
    expect(failure).toMatchObject({ failure: 'needs-authorization', status: null });
    expect(String(failure)).toMatch(/https:\/\/evil\.example needs an authorization the viewer cannot give/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends open servers nothing and lets them answer', async () => {
    const provider = providerTrusting([]);
    await expect(provider('https://open.example.org/dicom-web/studies/1')).resolves.toBeNull();
  });
});

describe('fetchImaging through a PACS the deployment forwards', () => {
  const url = 'https://pacs.example.org/dicom-web/studies/1/series/2/metadata';

  afterEach(() => {
    vi.unstubAllGlobals();
    resetOriginBreakers();
    routeImagingThrough([]);
  });

  it('sends it to the viewer’s own path, with the token the PACS itself would get, and names the PACS', async () => {
    routeImagingThrough([{ server: 'https://pacs.example.org/dicom-web', path: '/pacs/dicom-web' }]);
    const sentTo: { url: string; authorization: string | null }[] = [];
    vi.stubGlobal('window', { location: { origin: 'https://viewer.example.org' } });
    vi.stubGlobal('fetch', (input: string, init: RequestInit) => {
      sentTo.push({ url: input, authorization: new Headers(init.headers).get('Authorization') });
      return Promise.resolve(new Response('', { status: 404 }));
    });
    const asked: string[] = [];
    const provider: AuthorizationProvider = (forUrl) => {
      asked.push(forUrl);
      return Promise.resolve('Bearer token-1');
    };
    await expect(fetchDicomJson(url, provider)).rejects.toThrow(
      'The image server at https://pacs.example.org does not have these images (HTTP 404).',
    );
    expect(sentTo).toEqual([
      {
        url: 'https://viewer.example.org/pacs/dicom-web/studies/1/series/2/metadata',
        authorization: 'Bearer token-1',
      },
    ]);
    expect(asked).toEqual([url]);
  });
});
