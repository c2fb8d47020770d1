import { describe, expect, it } from 'vitest';
import { formatFhirDateTime, formatStudyStarted } from './format-fhir-date';

describe('formatFhirDateTime', () => {
  it('keeps the date and wall-clock time as given, whatever the offset', () => {
    expect(formatFhirDateTime('2017-01-01T23:41:20+03:00')).toBe('2017-01-01 23:41');
  });
  it('handles partial dates and missing values', () => {
    expect(formatFhirDateTime('2015-02')).toBe('2015-02');
    expect(formatFhirDateTime('2015-02-06')).toBe('2015-02-06');
    expect(formatFhirDateTime(null)).toBe('—');
  });
  it('says "invalid date" for anything that is not a FHIR date or dateTime', () => {
    for (const value of ['yesterday', '2020-02-31', '31/12/2020', '2020-01-01T10:00']) {
      expect(formatFhirDateTime(value)).toBe('invalid date');
    }
  });
});

describe('formatStudyStarted', () => {
  it('tells a study without a date from one whose date is invalid', () => {
    expect(formatStudyStarted({ started: '2020-01-02', startedInvalid: null })).toBe('2020-01-02');
    expect(formatStudyStarted({ started: null, startedInvalid: null })).toBe('—');
    expect(formatStudyStarted({ started: null, startedInvalid: 'soon' })).toBe('invalid date');
  });
});
