import { afterEach, describe, expect, it, vi } from 'vitest';
import type Client from 'fhirclient/lib/Client';
import { refreshSession, refreshSessionIfNeeded } from './session-refresh';
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

afterEach(() => vi.unstubAllGlobals());

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

  it('ends the session when the EHR refuses, but keeps it through a network failure', async () => {
    const { client } = fakeClient(0);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(refreshSession(client)).rejects.toThrow(TypeError);
    expect(client.state.tokenResponse?.refresh_token).toBe('refresh-1');

    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ error: 'invalid_grant' }, { status: 400 })));
    await expect(refreshSession(client)).rejects.toThrow(SessionExpiredError);
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
