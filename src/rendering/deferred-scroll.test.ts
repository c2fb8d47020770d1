// @vitest-environment jsdom
import { StackViewport } from '@cornerstonejs/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelDeferredMoveOnEveryMove } from './deferred-scroll';

/**
 * A StackViewport without a canvas: Cornerstone's own `scroll` and `setImageIdIndex`, with the step
 * that loads and draws a slice replaced by a record of the slices asked for.
 */
function stackOf(count: number) {
  const shown: number[] = [];
  const viewport = Object.create(StackViewport.prototype) as StackViewport;
  Object.assign(viewport, {
    imageIds: Array.from({ length: count }, (_, index) => `test:slice-${index}`),
    currentImageIdIndex: count - 1,
    targetImageIdIndex: count - 1,
    element: document.createElement('div'),
    _throwIfDestroyed: () => undefined,
    _setImageIdIndex(this: { currentImageIdIndex: number }, index: number) {
      this.currentImageIdIndex = index;
      shown.push(index);
      return Promise.resolve(`test:slice-${index}`);
    },
  });
  return { viewport, shown };
}

describe('cancelDeferredMoveOnEveryMove', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets a move made at once win over a scroll still deferred (no slice is loaded here)', () => {
    cancelDeferredMoveOnEveryMove();
    const { viewport, shown } = stackOf(60);
    // A wheel notch onto a slice not loaded yet: deferred by 40 ms.
    viewport.scroll(-1);
    // Then End (or the compare link) moves at once.
    void viewport.setImageIdIndex(0);
    vi.advanceTimersByTime(100);
    expect(shown).toEqual([0]);
  });

  it("lets a new stack open where it is asked to, not on the old one's deferred slice", () => {
    cancelDeferredMoveOnEveryMove();
    const { viewport, shown } = stackOf(60);
    viewport.scroll(-1);
    // Another series (Cornerstone's set-up of it needs a canvas and fails here, after the cancel).
    void viewport.setStack(['test:other-0', 'test:other-1'], 0).catch(() => undefined);
    vi.advanceTimersByTime(100);
    expect(shown).not.toContain(58);
  });

  it('still defers a scroll alone, and lands it', () => {
    cancelDeferredMoveOnEveryMove();
    const { viewport, shown } = stackOf(60);
    viewport.scroll(-1);
    viewport.scroll(-1);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(shown).toEqual([57]);
  });
});
