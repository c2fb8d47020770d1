// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SmartSessionContext } from '@/lib/smart-session';
import {
  createTestQueryClient,
  createTestSession,
  stubNetwork,
  TEST_FHIR_BASE,
} from '@/lib/testing/test-session';
import { imagingStudiesQueryOptions, useRetryImagingStudies } from './get-imaging-studies';

const study = (id: string) => ({ resourceType: 'ImagingStudy', id, status: 'available' });
const page = (id: string, next: string | null) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  link: next ? [{ relation: 'next', url: next }] : [],
  entry: [{ resource: study(id) }],
});

afterEach(() => vi.unstubAllGlobals());

/** A FHIR server whose `failing` page answers 500 the first time only. */
function flakyServer(failing: 1 | 2) {
  let failed = false;
  const answer = (pageNumber: 1 | 2, body: unknown) => {
    if (pageNumber === failing && !failed) {
      failed = true;
      return new Response('', { status: 500 });
    }
    return Response.json(body);
  };
  stubNetwork(
    [
      [(url) => url.endsWith('page=2'), () => answer(2, page('b', null))],
      [
        (url) => url.startsWith(TEST_FHIR_BASE),
        () => answer(1, page('a', `${TEST_FHIR_BASE}/ImagingStudy?page=2`)),
      ],
    ],
    vi.stubGlobal,
  );
}

function setUp() {
  const session = createTestSession();
  const client = createTestQueryClient();
  const options = imagingStudiesQueryOptions(session);
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(
      QueryClientProvider,
      { client },
      createElement(SmartSessionContext.Provider, { value: session }, children),
    );
  const retry = renderHook(() => useRetryImagingStudies(), { wrapper }).result.current;
  const ids = () => client.getQueryData(options.queryKey)?.studies.map((item) => item.id);
  return { client, options, retry, ids };
}

describe('useRetryImagingStudies', () => {
  it('asks again for a list whose later page failed, keeping the rows shown until it is whole', async () => {
    flakyServer(2);
    const { client, options, retry, ids } = setUp();
    await expect(client.fetchQuery(options)).rejects.toThrow('The FHIR server answered HTTP 500.');
    expect(ids()).toEqual(['a']);

    const retried = retry(true);
    expect(ids()).toEqual(['a']);
    await retried;
    expect(ids()).toEqual(['a', 'b']);
    expect(client.getQueryData(options.queryKey)?.complete).toBe(true);
  });

  it('starts afresh when not even the first page came', async () => {
    flakyServer(1);
    const { client, options, retry, ids } = setUp();
    await expect(client.fetchQuery(options)).rejects.toThrow('The FHIR server answered HTTP 500.');
    expect(ids()).toBeUndefined();
    // No observer here, so nothing refetches by itself: fetch as the mounted screen would.
    await retry(false);
    await client.fetchQuery(options);
    expect(ids()).toEqual(['a', 'b']);
  });
});
