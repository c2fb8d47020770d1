/**
 * DICOM DA/TM (+ TimezoneOffsetFromUTC) → FHIR dateTime. FHIR requires a time zone whenever a time
 * is given, so without the offset only the date is kept (never a time in an invented zone).
 */
export function fhirDateTimeOf(
  date: string | null,
  time: string | null,
  offset: string | null,
): string | null {
  const day = /^(\d{4})(\d{2})(\d{2})$/.exec(date?.trim() ?? '');
  if (!day) return null;
  const fhirDate = `${day[1]}-${day[2]}-${day[3]}`;
  const zone = /^([+-])(\d{2})(\d{2})$/.exec(offset?.trim() ?? '');
  const clock = /^(\d{2})(\d{2})?(\d{2})?(?:\.(\d{1,6}))?$/.exec(time?.trim() ?? '');
  if (!clock || !zone) return fhirDate;
  const [, hours, minutes = '00', seconds = '00', fraction] = clock;
  return `${fhirDate}T${hours}:${minutes}:${seconds}${fraction ? `.${fraction}` : ''}${zone[1]}${zone[2]}:${zone[3]}`;
}

/** DICOM DA → FHIR date, or null. */
export function fhirDateOf(date: string | null): string | null {
  return fhirDateTimeOf(date, null, null);
}
