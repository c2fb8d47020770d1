import { describe, expect, it } from 'vitest';
import { fillViewports, stepSeries, viewportCountOf } from './viewer-layout';

describe('viewer layout', () => {
  it('counts viewports', () => {
    expect([viewportCountOf('1x1'), viewportCountOf('1x2'), viewportCountOf('2x2')]).toEqual([1, 2, 4]);
  });
  it('fills new slots with series not shown yet', () => {
    expect(fillViewports([2], 4, [0, 2, 3])).toEqual([2, 0, 3, 0]);
    expect(fillViewports([1, 0], 1, [0, 1])).toEqual([1]);
    expect(fillViewports([], 2, [])).toEqual([null, null]);
  });
  it('steps through viewable series, wrapping', () => {
    expect(stepSeries(0, 1, [0, 2, 3])).toBe(2);
    expect(stepSeries(3, 1, [0, 2, 3])).toBe(0);
    expect(stepSeries(0, -1, [0, 2, 3])).toBe(3);
    expect(stepSeries(null, 1, [4])).toBe(4);
    expect(stepSeries(1, 1, [])).toBeNull();
  });
});
