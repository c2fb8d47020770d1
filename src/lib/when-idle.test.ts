import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from './when-idle';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('uses requestIdleCallback where the browser has it', () => {
    const requestIdle = vi.fn<typeof requestIdleCallback>(() => 7);
    const cancelIdle = vi.fn();
    vi.stubGlobal('requestIdleCallback', requestIdle);
    vi.stubGlobal('cancelIdleCallback', cancelIdle);
    const task = vi.fn();

    const cancel = whenIdle(task, { timeout: 200 });
    expect(requestIdle).toHaveBeenCalledWith(task, { timeout: 200 });
    cancel();
    expect(cancelIdle).toHaveBeenCalledWith(7);
  });

  it('falls back to a timer where it is missing (Safari), and the timer can be cancelled', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    const ran = vi.fn();
    whenIdle(ran, { timeout: 5_000, fallbackDelay: 2_000 });
    vi.advanceTimersByTime(1_999);
    expect(ran).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ran).toHaveBeenCalledOnce();

    const cancelled = vi.fn();
    whenIdle(cancelled, { timeout: 200 })();
    vi.advanceTimersByTime(1_000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
