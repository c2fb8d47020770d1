import { afterEach, describe, expect, it } from 'vitest';
import { originResting, recordAnswer, recordNoAnswer, resetOriginBreakers } from './origin-breaker';

const PACS = 'https://pacs.example.org';

afterEach(resetOriginBreakers);

describe('origin breaker', () => {
  it('rests an origin after three requests in a row got no answer, for 30 s', () => {
    recordNoAnswer(PACS, 0);
    recordNoAnswer(PACS, 0);
    expect(originResting(PACS, 0)).toBe(0);
    recordNoAnswer(PACS, 1000);
    expect(originResting(PACS, 1000)).toBe(30_000);
    expect(originResting(PACS, 31_000)).toBe(0);
    expect(originResting('https://other.example.org', 1000)).toBe(0);
  });

  it('any answer closes it again', () => {
    for (let i = 0; i < 3; i += 1) recordNoAnswer(PACS, 0);
    recordAnswer(PACS);
    expect(originResting(PACS, 0)).toBe(0);
    recordNoAnswer(PACS, 0);
    expect(originResting(PACS, 0)).toBe(0);
  });
});
