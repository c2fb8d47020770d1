/**
 * FHIR dates and dateTimes as clinicians read them: the date as given (no time-zone shift, so a
 * study done at 23:30 keeps its day), plus the local wall-clock time when there is one.
 */
export function formatFhirDateTime(value: string | null): string {
  if (!value) return '—';
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!match) return value;
  const [, year, month, day, hour, minute] = match;
  const date = [year, month, day].filter(Boolean).join('-');
  return hour && minute ? `${date} ${hour}:${minute}` : date;
}
