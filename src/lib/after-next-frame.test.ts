// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame } from './after-next-frame';

afterEach(() => vi.unstubAllGlobals());

describe('afterNextFrame', () => {
  it('resolves in a task after the next frame, not before it', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    let resolved = false;
    void afterNextFrame().then(() => (resolved = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resolved).toBe(false);
    frames.shift()?.(performance.now());
    expect(resolved).toBe(false);
    await vi.waitFor(() => expect(resolved).toBe(true));
  });

  it('resolves anyway when no frame comes (a hidden tab)', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const started = performance.now();
    await afterNextFrame();
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
  });
});
