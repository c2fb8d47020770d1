import { describe, expect, it } from 'vitest';
import { frameNumbersUpTo, parseFrameNumber } from './frame-number';

describe('parseFrameNumber', () => {
  it('accepts positive integers only (frames are 1-based)', () => {
    expect(parseFrameNumber(1)).toBe(1);
    expect(parseFrameNumber(250)).toBe(250);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, '1', null]) {
      expect(parseFrameNumber(bad)).toBeNull();
    }
  });
});

describe('frameNumbersUpTo', () => {
  it('lists 1..count for a multi-frame instance', () => {
    expect(frameNumbersUpTo(3)).toEqual([1, 2, 3]);
    expect(frameNumbersUpTo(1)).toEqual([1]);
  });

  it('is empty for a missing or nonsensical count', () => {
    expect(frameNumbersUpTo(0)).toEqual([]);
    expect(frameNumbersUpTo(undefined)).toEqual([]);
    expect(frameNumbersUpTo('10')).toEqual([]);
  });
});
