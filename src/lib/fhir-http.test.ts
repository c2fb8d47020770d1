import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFhirGet, FhirHttpError } from './fhir-http';
import { currentServerWaits } from './server-waits';
import { createTestSession, stubNetwork, TEST_FHIR_BASE } from './testing/test-session';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** A fetch that answers only when aborted, as a server that never responds. */
function hangingFetch(url: string, init: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    if (init.signal?.aborted) reject(new DOMException(`aborted ${url}`, 'AbortError'));
    init.signal?.addEventListener('abort', () => reject(new DOMException(`aborted ${url}`, 'AbortError')));
  });
}

describe('createFhirGet: never silent', () => {
  it('says the server sent an invalid response, not where the JSON parser stopped', async () => {
    stubNetwork([[() => true, () => new Response('{"resourceType": "Bund', { status: 200 })]], vi.stubGlobal);
    const get = createTestSession().fhirGet('ImagingStudy?patient=p1');
    await expect(get).rejects.toThrow(
      new FhirHttpError(`The FHIR server at ${TEST_FHIR_BASE} sent an invalid response.`, 200),
    );
  });

  it('names the server it could not reach', async () => {
    stubNetwork([], vi.stubGlobal);
    await expect(createTestSession().fhirGet('Patient/p1')).rejects.toThrow(
      `The FHIR server at ${TEST_FHIR_BASE} could not be reached.`,
    );
  });

  it('keeps the server’s own words on a failure', async () => {
    const outcome = { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Invalid _sort' }] };
    stubNetwork([[() => true, () => Response.json(outcome, { status: 400 })]], vi.stubGlobal);
    await expect(createTestSession().fhirGet('Patient/p1')).rejects.toThrow(
      'The FHIR server answered HTTP 400: Invalid _sort',
    );
  });

  it('names a hung server after a few seconds, and gives up on it after the timeout', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', hangingFetch);
    const session = createTestSession();
    const get = createFhirGet(session.client, TEST_FHIR_BASE, session.expiry, 10_000)('Patient/p1');
    const failed = expect(get).rejects.toThrow(
      `The FHIR server at ${TEST_FHIR_BASE} did not answer within 10 s.`,
    );
    await vi.advanceTimersByTimeAsync(2_000);
    expect(currentServerWaits()).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(currentServerWaits()).toEqual([{ server: 'fhir', address: TEST_FHIR_BASE }]);
    await vi.advanceTimersByTimeAsync(6_000);
    await failed;
    expect(currentServerWaits()).toEqual([]);
  });

  it('lets the caller cancel without calling it a failure of the server', async () => {
    vi.stubGlobal('fetch', hangingFetch);
    const controller = new AbortController();
    const get = createTestSession().fhirGet('Patient/p1', controller.signal);
    controller.abort();
    await expect(get).rejects.toMatchObject({ name: 'AbortError' });
  });
});
