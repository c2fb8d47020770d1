import { describe, expect, it } from 'vitest';
import { formatFhirDateTime } from './format-fhir-date';

describe('formatFhirDateTime', () => {
  it('keeps the date and wall-clock time as given, whatever the offset', () => {
    expect(formatFhirDateTime('2017-01-01T23:41:20+03:00')).toBe('2017-01-01 23:41');
  });
  it('handles partial dates and missing values', () => {
    expect(formatFhirDateTime('2015-02')).toBe('2015-02');
    expect(formatFhirDateTime('2015-02-06')).toBe('2015-02-06');
    expect(formatFhirDateTime(null)).toBe('—');
    expect(formatFhirDateTime('yesterday')).toBe('yesterday');
  });
});
