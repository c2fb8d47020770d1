/**
 * FHIR R4's `date` and `dateTime` grammars (§2.24.0.1), with the calendar checked too: a value that
 * does not match is not a date at all, and the app says "invalid date" rather than guessing one (a
 * guess would sort a typo as the newest study).
 */
const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[1-2][0-9]|3[0-1])';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';

const FHIR_DATE = new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`);
const FHIR_DATE_TIME = new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME}${ZONE})?)?)?$`);

export function isFhirDate(value: string): boolean {
  return FHIR_DATE.test(value) && dayExists(value);
}

export function isFhirDateTime(value: string): boolean {
  return FHIR_DATE_TIME.test(value) && dayExists(value);
}

/** The grammar allows 2023-02-31; the calendar does not. */
function dayExists(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return true;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
