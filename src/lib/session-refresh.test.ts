import { afterEach, describe, expect, it, vi } from 'vitest';
import type Client from 'fhirclient/lib/Client';
import { currentServerWaits } from './server-waits';
import { REFRESH_BACKOFF_SECONDS, refreshSession, refreshSessionIfNeeded } from './session-refresh';
import { SessionExpiredError } from './session-expired-error';

function fakeClient(expiresAt: number) {
  const stored = new Map<string, unknown>();
  const client = {
    state: {
      key: 'state-key',
      clientId: 'imaging-viewer',
      tokenUri: 'https://ehr.example.org/token',
      serverUrl: 'https://ehr.example.org/fhir',
      expiresAt,
      tokenResponse: { access_token: 'old', refresh_token: 'refresh-1', patient: 'p1' },
    },
    environment: {
      getStorage: () => ({ set: (key: string, value: unknown) => Promise.resolve(stored.set(key, value)) }),
    },
  };
  return { client: client as unknown as Client, stored };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('refreshSession', () => {
  it('exchanges the refresh token once for concurrent callers, keeps the context and persists it', async () => {
    const bodies: string[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      bodies.push(String(init.body));
      return Promise.resolve(Response.json({ access_token: 'new', expires_in: 300 }));
    });
    const { client, stored } = fakeClient(0);
    await Promise.all([refreshSession(client), refreshSession(client)]);
    expect(bodies).toEqual(['grant_type=refresh_token&refresh_token=refresh-1&client_id=imaging-viewer']);
    expect(client.state.tokenResponse).toMatchObject({
      access_token: 'new',
      refresh_token: 'refresh-1',
      patient: 'p1',
    });
    expect(stored.get('state-key')).toBe(client.state);
  });

  it('ends the session when the EHR refuses', async () => {
    const { client } = fakeClient(0);
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ error: 'invalid_grant' }, { status: 400 })));
    await expect(refreshSession(client)).rejects.toThrow(SessionExpiredError);
  });

  it.each([
    [403, { error: 'invalid_grant', error_description: 'Invalid refresh token' }],
    [404, { error: 'invalid_grant' }],
    [401, { error: 'invalid_client' }],
  ])('ends the session on a %i saying %j (smart-launcher-v2 answers 403)', async (status, body) => {
    const { client } = fakeClient(0);
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json(body, { status })));
    await expect(refreshSession(client)).rejects.toThrow(SessionExpiredError);
  });

  it('does not take another 4xx for the end of the session, and says so in words', async () => {
    const { client } = fakeClient(0);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('Forbidden', { status: 403 })));
    const failure = await refreshSession(client).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(SessionExpiredError);
    expect(String(failure)).toMatch(/did not renew the session.*HTTP 403/);
  });

  it('waits out an EHR that does not answer, with back-off and a notice, and renews when it is back', async () => {
    vi.useFakeTimers();
    const { client } = fakeClient(0);
    const answers: (() => Promise<Response>)[] = [
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.resolve(new Response('', { status: 503 })),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.resolve(Response.json({ access_token: 'new', expires_in: 300 })),
    ];
    const times: number[] = [];
    vi.stubGlobal('fetch', () => {
      times.push(Date.now());
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next();
    });
    const renewal = refreshSession(client);
    await vi.advanceTimersByTimeAsync(0);
    expect(currentServerWaits()).toEqual([
      {
        server: 'ehr',
        address: 'https://ehr.example.org',
        retryInSeconds: REFRESH_BACKOFF_SECONDS[0],
        why: 'no-answer',
      },
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    await renewal;
    expect(times.slice(1).map((time, i) => (time - (times[i] ?? 0)) / 1000)).toEqual([1, 2, 4]);
    expect(client.state.tokenResponse?.access_token).toBe('new');
    expect(client.state.tokenResponse?.refresh_token).toBe('refresh-1');
    expect(currentServerWaits()).toEqual([]);
  });
});

describe('refreshSession while the EHR is busy or unavailable', () => {
  it('says why it waits (429 busy, 5xx unavailable), honours Retry-After, and keeps the session', async () => {
    vi.useFakeTimers();
    const { client } = fakeClient(0);
    const answers = [
      () => new Response('Too Many Requests', { status: 429, headers: { 'Retry-After': '5' } }),
      () => new Response('<html>Bad Gateway</html>', { status: 502 }),
      () => Response.json({ access_token: 'new', expires_in: 300 }),
    ];
    vi.stubGlobal('fetch', () => Promise.resolve((answers.shift() ?? answers[0])?.()));
    const renewal = refreshSession(client);
    await vi.advanceTimersByTimeAsync(0);
    expect(currentServerWaits()).toEqual([
      { server: 'ehr', address: 'https://ehr.example.org', retryInSeconds: 5, why: 'busy' },
    ]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(currentServerWaits()).toEqual([
      {
        server: 'ehr',
        address: 'https://ehr.example.org',
        retryInSeconds: REFRESH_BACKOFF_SECONDS[1],
        why: 'unavailable',
      },
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    await renewal;
    expect(client.state.tokenResponse).toMatchObject({ access_token: 'new', refresh_token: 'refresh-1' });
    expect(currentServerWaits()).toEqual([]);
  });
});

describe('refreshSession while the EHR is slow', () => {
  it('names the EHR on screen when the renewal takes more than a few seconds', async () => {
    vi.useFakeTimers();
    const { client } = fakeClient(0);
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    const renewal = refreshSession(client);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(currentServerWaits()).toEqual([{ server: 'ehr', address: 'https://ehr.example.org' }]);
    answer(Response.json({ access_token: 'new', expires_in: 300 }));
    await renewal;
    expect(currentServerWaits()).toEqual([]);
  });
});

describe('refreshSessionIfNeeded', () => {
  it('renews only within ten seconds of expiry', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', () => {
      calls += 1;
      return Promise.resolve(Response.json({ access_token: 'new', expires_in: 300 }));
    });
    const now = 1_000_000_000_000;
    await refreshSessionIfNeeded(fakeClient(now / 1000 + 60).client, now);
    expect(calls).toBe(0);
    await refreshSessionIfNeeded(fakeClient(now / 1000 + 5).client, now);
    expect(calls).toBe(1);
  });
});
