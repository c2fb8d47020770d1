import { describe, expect, it } from 'vitest';
import { likelyFirstInstance } from './first-image-guess';

describe('likelyFirstInstance', () => {
  it('picks the lowest instance number with a UID', () => {
    const list = [
      { uid: 'b', number: 2 },
      { uid: null, number: 0 },
      { uid: 'a', number: 1 },
      { uid: 'c', number: null },
    ];
    expect(likelyFirstInstance(list)?.uid).toBe('a');
  });
  it('takes the first listed when none is numbered, and nothing from an empty list', () => {
    expect(
      likelyFirstInstance([
        { uid: 'x', number: null },
        { uid: 'y', number: null },
      ])?.uid,
    ).toBe('x');
    expect(likelyFirstInstance([])).toBeNull();
  });
});
