// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { firstPaintSettled, holdRenderingUntilFirstPaint } from './rendering-gate';
import { useAfterFirstPaint } from './use-after-first-paint';

afterEach(cleanup);

describe('useAfterFirstPaint', () => {
  it('is true at once on a page with no first paint on its way', async () => {
    const { result } = renderHook(() => useAfterFirstPaint());
    await act(() => Promise.resolve());
    expect(result.current).toBe(true);
  });

  it('waits for a first paint on its way, and is true once it is drawn', async () => {
    holdRenderingUntilFirstPaint();
    const { result } = renderHook(() => useAfterFirstPaint());
    await act(() => Promise.resolve());
    expect(result.current).toBe(false);
    await act(async () => {
      firstPaintSettled();
      await Promise.resolve();
    });
    expect(result.current).toBe(true);
  });
});
