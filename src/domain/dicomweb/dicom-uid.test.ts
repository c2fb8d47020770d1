import { describe, expect, it } from 'vitest';
import {
  isDicomUid,
  parseSeriesInstanceUid,
  parseSopInstanceUid,
  parseStudyInstanceUid,
  type SeriesInstanceUid,
  type StudyInstanceUid,
} from './dicom-uid';

describe('isDicomUid', () => {
  it.each([
    '1',
    '0',
    '1.2.840.10008.5.1.4.1.1.2',
    '2.16.124.113543.6003.1154777499.30246.19789.3503430045.1.2',
    '1.2.250.1.59.40211.22756022.2.1.101',
    '1.' + '2'.repeat(62),
  ])('accepts %s', (uid) => {
    expect(isDicomUid(uid)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['65 characters', '1.' + '2'.repeat(63)],
    ['letters', '1.2.x'],
    ['urn:oid: prefix', 'urn:oid:1.2.3'],
    ['leading dot', '.1.2'],
    ['trailing dot', '1.2.'],
    ['empty component', '1..2'],
    ['a space', '1.2 .3'],
    ['a trailing newline', '1.2.3\n'],
    ['a slash', '1.2/3'],
    ['a query', '1.2?x=1'],
    ['non-ASCII digits', '١.٢'],
  ])('rejects %s', (_, uid) => {
    expect(isDicomUid(uid)).toBe(false);
  });

  it.each([[undefined], [null], [1.2], [['1.2']], [{ value: '1.2' }]])('rejects non-strings: %j', (value) => {
    expect(isDicomUid(value)).toBe(false);
  });

  it('accepts exactly 64 characters and no more', () => {
    const sixtyFour = '1.' + '2'.repeat(62);
    expect(sixtyFour).toHaveLength(64);
    expect(isDicomUid(sixtyFour)).toBe(true);
    expect(isDicomUid(`${sixtyFour}3`)).toBe(false);
  });
});

describe('the UID parsers', () => {
  it('return the same string, branded, or null', () => {
    expect(parseStudyInstanceUid('1.2.3')).toBe('1.2.3');
    expect(parseSeriesInstanceUid('1.2.3.4')).toBe('1.2.3.4');
    expect(parseSopInstanceUid('1.2.3.4.5')).toBe('1.2.3.4.5');
    expect(parseStudyInstanceUid('1.2.x')).toBeNull();
    expect(parseSeriesInstanceUid(undefined)).toBeNull();
    expect(parseSopInstanceUid(42)).toBeNull();
  });

  it('keep the three kinds apart at compile time', () => {
    const study = parseStudyInstanceUid('1.2.3');
    // @ts-expect-error a raw string is not a StudyInstanceUid
    const unchecked: StudyInstanceUid = '1.2.3';
    // @ts-expect-error a StudyInstanceUid is not a SeriesInstanceUid
    const crossed: SeriesInstanceUid | null = study;
    expect([unchecked, crossed]).toEqual(['1.2.3', '1.2.3']);
  });
});
