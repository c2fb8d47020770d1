// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import type { FocusEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { useFocusKeptRange } from './use-focus-kept-range';

const range = { startIndex: 40, endIndex: 50, overscan: 2, count: 1000 };

function list(): { container: HTMLElement; item: (index: number) => HTMLElement; outside: HTMLElement } {
  const container = document.body.appendChild(document.createElement('div'));
  const outside = document.body.appendChild(document.createElement('button'));
  const item = (index: number) => {
    const element = container.appendChild(document.createElement('button'));
    element.dataset.index = String(index);
    return element;
  };
  return { container, item, outside };
}

const focusEvent = (target: Element, currentTarget: Element, relatedTarget: Element | null = null) =>
  ({ target, currentTarget, relatedTarget }) as unknown as FocusEvent;

const indexOf = (element: Element) => Number(element.getAttribute('data-index'));

describe('useFocusKeptRange', () => {
  it('adds the focused item and its neighbours to the rendered range, in order', () => {
    const { result } = renderHook(() => useFocusKeptRange(indexOf));
    const { container, item } = list();
    expect(result.current.rangeExtractor(range)).toEqual([
      38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52,
    ]);
    result.current.onFocus(focusEvent(item(3), container));
    const kept = result.current.rangeExtractor(range);
    expect(kept.slice(0, 4)).toEqual([2, 3, 4, 38]);
    expect(kept.at(-1)).toBe(52);
  });

  it('keeps nothing once focus has left the list, and stays within the list at its ends', () => {
    const { result } = renderHook(() => useFocusKeptRange(indexOf));
    const { container, item, outside } = list();
    const first = item(0);
    result.current.onFocus(focusEvent(first, container));
    expect(result.current.rangeExtractor(range).slice(0, 3)).toEqual([0, 1, 38]);
    result.current.onBlur(focusEvent(first, container, item(1)));
    expect(result.current.rangeExtractor(range)[0]).toBe(0);
    result.current.onBlur(focusEvent(first, container, outside));
    expect(result.current.rangeExtractor(range)[0]).toBe(38);
  });
});
