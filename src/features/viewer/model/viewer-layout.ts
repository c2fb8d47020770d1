export type LayoutId = '1x1' | '1x2' | '2x2';

export const LAYOUTS: readonly { id: LayoutId; label: string; columns: number; rows: number }[] = [
  { id: '1x1', label: '1×1', columns: 1, rows: 1 },
  { id: '1x2', label: '1×2', columns: 2, rows: 1 },
  { id: '2x2', label: '2×2', columns: 2, rows: 2 },
];

export function viewportCountOf(layout: LayoutId): number {
  const found = LAYOUTS.find((candidate) => candidate.id === layout);
  return found ? found.columns * found.rows : 1;
}

/**
 * Series for each viewport slot when the layout grows: the slots keep what they show and empty ones
 * take the next viewable series not on screen yet (then repeat the first), as OHIF fills a hanging.
 */
export function fillViewports(
  current: readonly (number | null)[],
  count: number,
  viewable: readonly number[],
): (number | null)[] {
  const slots = Array.from({ length: count }, (_, i) => current[i] ?? null);
  for (let i = 0; i < slots.length; i += 1) {
    if (slots[i] !== null) continue;
    const unused = viewable.find((index) => !slots.includes(index));
    slots[i] = unused ?? viewable[0] ?? null;
  }
  return slots;
}

/** The next (or previous) viewable series after `current`, wrapping around. */
export function stepSeries(
  current: number | null,
  delta: number,
  viewable: readonly number[],
): number | null {
  if (viewable.length === 0) return null;
  const at = current === null ? -1 : viewable.indexOf(current);
  const next = (((at + delta) % viewable.length) + viewable.length) % viewable.length;
  return viewable[at === -1 && delta < 0 ? viewable.length - 1 : next] ?? null;
}
