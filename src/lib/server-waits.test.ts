import { afterEach, describe, expect, it, vi } from 'vitest';
import { beginServerWait, currentServerWaits, noticeIfSlow } from './server-waits';

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
