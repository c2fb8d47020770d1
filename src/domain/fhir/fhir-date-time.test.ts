import { describe, expect, it } from 'vitest';
import { isFhirDate, isFhirDateTime } from './fhir-date-time';

describe('isFhirDateTime', () => {
  it.each([
    '2020',
    '2020-02',
    '2020-02-29',
    '2020-02-29T23:30:00Z',
    '2026-10-20T09:30:00.123+05:30',
    '1905-08-23T00:00:60-14:00',
  ])('accepts %s', (value) => expect(isFhirDateTime(value)).toBe(true));
  it.each([
    '',
    'yesterday',
    'not a date',
    '2020-13-01',
    '2021-02-29',
    '2020-02-31',
    '2020-02-29T23:30',
    '2020-02-29T23:30:00',
    '20200229',
    '0000',
    ' 2020-01-01',
    '2020-01-01T10:00:00Z\u202E',
  ])('rejects %j', (value) => expect(isFhirDateTime(value)).toBe(false));
});

describe('isFhirDate', () => {
  it('takes a day, a month or a year, but no time', () => {
    expect(isFhirDate('1962-02-28')).toBe(true);
    expect(isFhirDate('1962')).toBe(true);
    expect(isFhirDate('1962-02-28T00:00:00Z')).toBe(false);
    expect(isFhirDate('28/02/1962')).toBe(false);
  });
});
