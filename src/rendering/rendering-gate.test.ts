import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  firstPaintSettled,
  HOLD_MAX_MS,
  holdRendering,
  holdRenderingUntilFirstPaint,
  whenRenderingMayStart,
} from './rendering-gate';

describe('rendering gate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const started = () => {
    let done = false;
    void whenRenderingMayStart().then(() => (done = true));
    return () => done;
  };

  it('lets the renderer start at once when nothing holds it', async () => {
    const isStarted = started();
    await vi.advanceTimersByTimeAsync(0);
    expect(isStarted()).toBe(true);
  });

  it('waits for every hold to be released, each release counted once', async () => {
    const first = holdRendering();
    const second = holdRendering();
    const isStarted = started();
    first();
    first();
    await vi.advanceTimersByTimeAsync(0);
    expect(isStarted()).toBe(false);
    second();
    await vi.advanceTimersByTimeAsync(0);
    expect(isStarted()).toBe(true);
  });

  it('ends a hold nobody releases after HOLD_MAX_MS', async () => {
    holdRendering();
    const isStarted = started();
    await vi.advanceTimersByTimeAsync(HOLD_MAX_MS - 1);
    expect(isStarted()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(isStarted()).toBe(true);
  });

  it('ends a hold taken until the first paint once a viewport has settled its paint', async () => {
    holdRenderingUntilFirstPaint();
    const isStarted = started();
    await vi.advanceTimersByTimeAsync(10);
    expect(isStarted()).toBe(false);
    firstPaintSettled();
    await vi.advanceTimersByTimeAsync(0);
    expect(isStarted()).toBe(true);
  });
});
