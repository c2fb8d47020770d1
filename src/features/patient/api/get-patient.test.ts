import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/lib/query-client';
import { SessionExpiredError } from '@/lib/session-expired-error';
import { createTestSession, stubNetwork, TEST_FHIR_BASE, TEST_TOKEN_URI } from '@/lib/testing/test-session';
import { patientQueryOptions } from './get-patient';

const patient = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Test', given: ['Pat'] }] };

afterEach(() => vi.unstubAllGlobals());

describe('patientQueryOptions: the FHIR 401 path', () => {
  it('refreshes the token once on a 401 and retries with the new one', async () => {
    let refused = false;
    const seen = stubNetwork(
      [
        [(url) => url === TEST_TOKEN_URI, () => Response.json({ access_token: 'token-2', expires_in: 300 })],
        [
          (url) => url === `${TEST_FHIR_BASE}/Patient/p1`,
          () => (refused ? Response.json(patient) : ((refused = true), new Response('', { status: 401 }))),
        ],
      ],
      vi.stubGlobal,
    );
    const client = createQueryClient();
    const identity = await client.fetchQuery({ ...patientQueryOptions(createTestSession()), retry: false });
    expect(identity.id).toBe('p1');
    expect(seen.map((request) => [request.method, request.url, request.authorization])).toEqual([
      ['GET', `${TEST_FHIR_BASE}/Patient/p1`, 'Bearer token-1'],
      ['POST', TEST_TOKEN_URI, null],
      ['GET', `${TEST_FHIR_BASE}/Patient/p1`, 'Bearer token-2'],
    ]);
  });

  it('ends the session (once, for the whole app) when the renewed token is refused too', async () => {
    stubNetwork(
      [
        [(url) => url === TEST_TOKEN_URI, () => Response.json({ access_token: 'token-2', expires_in: 300 })],
        [(url) => url.startsWith(TEST_FHIR_BASE), () => new Response('', { status: 401 })],
      ],
      vi.stubGlobal,
    );
    const session = createTestSession();
    const expired = vi.fn();
    session.expiry.subscribe(expired);
    const client = createQueryClient();
    await expect(client.fetchQuery(patientQueryOptions(session))).rejects.toBeInstanceOf(SessionExpiredError);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(session.expiry.hasEnded()).toBe(true);
  });
});
