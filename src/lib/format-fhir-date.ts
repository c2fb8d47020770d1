import { isFhirDateTime } from '@/domain/fhir/fhir-date-time';

export const INVALID_DATE = 'invalid date';

/**
 * FHIR dates and dateTimes as clinicians read them: the date as given (no time-zone shift, so a
 * study done at 23:30 keeps its day), plus the local wall-clock time when there is one.
 */
export function formatFhirDateTime(value: string | null): string {
  if (!value) return '—';
  // Not a FHIR date or dateTime: no guess at what was meant (the study list and the viewer agree).
  if (!isFhirDateTime(value)) return INVALID_DATE;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!match) return INVALID_DATE;
  const [, year, month, day, hour, minute] = match;
  const date = [year, month, day].filter(Boolean).join('-');
  return hour && minute ? `${date} ${hour}:${minute}` : date;
}

/** A study's `started`: its date, "invalid date" when the resource's value is not one, "—" when absent. */
export function formatStudyStarted(study: { started: string | null; startedInvalid: string | null }): string {
  if (study.started !== null) return formatFhirDateTime(study.started);
  return study.startedInvalid === null ? '—' : INVALID_DATE;
}
