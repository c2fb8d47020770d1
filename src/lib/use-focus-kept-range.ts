import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { useCallback, useRef, type FocusEvent } from 'react';

/**
 * For a virtualised list: the items around the one holding keyboard focus stay mounted however far
 * the list scrolls, so focus never falls back to the page when its item leaves the screen (a
 * virtualiser would otherwise unmount it) and Tab continues from there to the next item.
 *
 * `indexOf` reads an item's index from the element focus is in (its row, its list item).
 * Spread `onFocus`/`onBlur` on the list's container and pass `rangeExtractor` to `useVirtualizer`.
 */
export function useFocusKeptRange(indexOf: (element: Element) => number | null) {
  const focused = useRef<number | null>(null);

  const rangeExtractor = useCallback((range: Range): number[] => {
    const indexes = defaultRangeExtractor(range);
    const at = focused.current;
    if (at === null) return indexes;
    const kept = [at - 1, at, at + 1].filter((index) => index >= 0 && index < range.count);
    return [...new Set([...indexes, ...kept])].sort((a, b) => a - b);
  }, []);

  const onFocus = useCallback(
    (event: FocusEvent) => {
      focused.current = event.target instanceof Element ? indexOf(event.target) : null;
    },
    [indexOf],
  );
  const onBlur = useCallback((event: FocusEvent) => {
    // Focus moved out of the list (not to another of its items): nothing needs keeping.
    if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget))
      focused.current = null;
  }, []);

  return { rangeExtractor, onFocus, onBlur };
}
