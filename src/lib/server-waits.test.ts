import { afterEach, describe, expect, it, vi } from 'vitest';
import { beginServerWait, currentServerWaits, describeServerWait, noticeIfSlow } from './server-waits';

afterEach(() => vi.useRealTimers());

describe('server waits', () => {
  it('names a request only once it has been slow, and forgets it when it settles', () => {
    vi.useFakeTimers();
    const done = noticeIfSlow({ server: 'fhir', address: 'https://fhir.example.org' }, 3000);
    vi.advanceTimersByTime(2999);
    expect(currentServerWaits()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(currentServerWaits()).toEqual([{ server: 'fhir', address: 'https://fhir.example.org' }]);
    done();
    expect(currentServerWaits()).toEqual([]);
  });

  it('never shows a request that answered in time', () => {
    vi.useFakeTimers();
    noticeIfSlow({ server: 'image', address: 'https://pacs.example.org' }, 3000)();
    vi.advanceTimersByTime(10_000);
    expect(currentServerWaits()).toEqual([]);
  });

  it('keeps each wait until its own end, however often that is called', () => {
    const first = beginServerWait({ server: 'ehr', address: 'https://ehr.example.org', retryInSeconds: 2 });
    const second = beginServerWait({ server: 'image', address: 'https://pacs.example.org' });
    first();
    first();
    expect(currentServerWaits()).toEqual([{ server: 'image', address: 'https://pacs.example.org' }]);
    second();
    expect(currentServerWaits()).toEqual([]);
  });
});

describe('what the notice says', () => {
  const ehr = { server: 'ehr', address: 'https://ehr.example.org', retryInSeconds: 4 } as const;

  it('says in words why a renewal waits and that the session is kept, never an HTTP status', () => {
    expect(describeServerWait({ ...ehr, why: 'busy' })).toBe(
      'The EHR at https://ehr.example.org is busy and could not renew the session yet; trying again in 4 s. Your session and your work are kept.',
    );
    expect(describeServerWait({ ...ehr, why: 'unavailable' })).toContain(
      'is unavailable for the moment and could not renew the session yet; trying again in 4 s',
    );
    expect(describeServerWait({ ...ehr, why: 'no-answer' })).toContain(
      'The EHR at https://ehr.example.org did not answer',
    );
    for (const why of ['busy', 'unavailable', 'no-answer'] as const)
      expect(describeServerWait({ ...ehr, why })).not.toMatch(/HTTP|\d{3}/);
  });

  it('names the server a slow request waits for', () => {
    expect(describeServerWait({ server: 'image', address: 'https://pacs.example.org' })).toBe(
      'Waiting for the image server at https://pacs.example.org…',
    );
  });
});
