import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PLAUSIBLE_INSTANCES, MAX_PLAUSIBLE_SERIES, readCount } from './read-count';

describe('readCount', () => {
  it('takes whole numbers from 0 to the bound', () => {
    expect(readCount(0, MAX_PLAUSIBLE_SERIES)).toBe(0);
    expect(readCount(42, MAX_PLAUSIBLE_SERIES)).toBe(42);
    expect(readCount(MAX_PLAUSIBLE_INSTANCES, MAX_PLAUSIBLE_INSTANCES)).toBe(MAX_PLAUSIBLE_INSTANCES);
  });

  it.each([
    -3,
    -0.5,
    1.5,
    MAX_PLAUSIBLE_SERIES + 1,
    Number.MAX_SAFE_INTEGER,
    NaN,
    Infinity,
    '3',
    null,
    undefined,
    {},
  ])('ignores %j', (value) => expect(readCount(value, MAX_PLAUSIBLE_SERIES)).toBeNull());

  it('never gives anything outside 0…max', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const count = readCount(value, MAX_PLAUSIBLE_SERIES);
        if (count !== null) {
          expect(Number.isInteger(count) && count >= 0 && count <= MAX_PLAUSIBLE_SERIES).toBe(true);
        }
      }),
    );
  });
});
