import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_IMAGE_WAIT_MS, firstImageRequestsSent, whenFirstImageRequestsIn } from './load-priority';

afterEach(() => vi.useRealTimers());

const settledWithin = async (promise: Promise<void>) => {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  await vi.advanceTimersByTimeAsync(0);
  return settled;
};

describe('the first image’s own requests', () => {
  it('hold what waits for them until all are in', async () => {
    vi.useFakeTimers();
    expect(await settledWithin(whenFirstImageRequestsIn())).toBe(true);
    const frameIn = firstImageRequestsSent();
    const metadataIn = firstImageRequestsSent();
    const waiting = whenFirstImageRequestsIn();
    frameIn();
    frameIn();
    expect(await settledWithin(waiting)).toBe(false);
    metadataIn();
    expect(await settledWithin(waiting)).toBe(true);
  });

  it('hold it a while at most: a server that never answers cannot stall the series', async () => {
    vi.useFakeTimers();
    const neverIn = firstImageRequestsSent();
    const waiting = whenFirstImageRequestsIn();
    await vi.advanceTimersByTimeAsync(FIRST_IMAGE_WAIT_MS - 1);
    expect(await settledWithin(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settledWithin(waiting)).toBe(true);
    neverIn();
  });
});
