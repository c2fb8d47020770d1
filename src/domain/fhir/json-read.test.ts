import { describe, expect, it } from 'vitest';
import { field, isRecord, readInteger, readList, readRecords, readText } from './json-read';

describe('json-read', () => {
  it('tells records from arrays and null', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
  });

  it('reads non-empty text and safe integers, else null', () => {
    expect(readText('')).toBeNull();
    expect(readText('  ')).toBeNull();
    expect(readText('CT')).toBe('CT');
    expect(readInteger(3)).toBe(3);
    expect(readInteger(3.5)).toBeNull();
    expect(readInteger('3')).toBeNull();
  });

  it('reads a repeating element as a list, tolerating one object', () => {
    expect(readList([1, 2])).toEqual([1, 2]);
    expect(readList({ a: 1 })).toEqual([{ a: 1 }]);
    expect(readList(undefined)).toEqual([]);
    expect(readList(null)).toEqual([]);
    expect(readRecords([{ a: 1 }, 2, null, 'x'])).toEqual([{ a: 1 }]);
  });

  it('reads a field of anything without throwing', () => {
    expect(field({ a: 1 }, 'a')).toBe(1);
    expect(field(null, 'a')).toBeUndefined();
    expect(field('text', 'length')).toBeUndefined();
  });
});
