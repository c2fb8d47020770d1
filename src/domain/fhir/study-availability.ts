/**
 * What the study list says about a study's availability: the study's own (STU3/draft), else how many
 * of its series the archive cannot send now or only slowly. Null when nothing needs saying.
 */
import type { Availability } from './availability';

interface Available {
  availability: Availability | null;
}

/** Takes a Study (only the availabilities are read). */
export function availabilityNoteOf(study: Available & { series: readonly Available[] }): string | null {
  const own = noteFor(study.availability);
  if (own) return own;
  const count = (codes: readonly Availability[]) =>
    study.series.filter((series) => series.availability !== null && codes.includes(series.availability))
      .length;
  const total = study.series.length;
  const out = count(['OFFLINE', 'UNAVAILABLE']);
  const slow = count(['NEARLINE']);
  const parts = [
    out > 0 ? `${out} of ${total} series offline or unavailable` : null,
    slow > 0 ? `${slow} of ${total} series nearline (slow to retrieve)` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join('; ') : null;
}

function noteFor(availability: Availability | null): string | null {
  if (availability === 'OFFLINE') return 'Offline in the archive';
  if (availability === 'UNAVAILABLE') return 'Unavailable in the archive';
  if (availability === 'NEARLINE') return 'Nearline: slow to retrieve';
  return null;
}
