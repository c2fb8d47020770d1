/**
 * `availability` (STU3 and the R4 drafts; DICOM Instance Availability, PS3.3 C.4.23.1.1): whether the
 * archive can send a study's or series' images now. R4 dropped the element, so most studies carry none.
 */
import { readText } from './json-read';

export const AVAILABILITIES = ['ONLINE', 'OFFLINE', 'NEARLINE', 'UNAVAILABLE'] as const;

export type Availability = (typeof AVAILABILITIES)[number];

/** The code as written (any case); null when absent or not one of the four. */
export function readAvailability(value: unknown): Availability | null {
  const text = readText(value)?.toUpperCase();
  return AVAILABILITIES.find((code) => code === text) ?? null;
}

/** Why images that are not to be fetched at all are not; null when they may be fetched. */
export function availabilityBlock(availability: Availability | null): string | null {
  if (availability === 'OFFLINE') {
    return 'The archive holds these images offline (availability OFFLINE): they cannot be fetched until the archive brings them back online.';
  }
  if (availability === 'UNAVAILABLE') {
    return 'The archive says these images are unavailable (availability UNAVAILABLE): they cannot be fetched.';
  }
  return null;
}

/** What the screen says while images that are fetched but slow to come arrive; null when nothing. */
export function availabilityNotice(availability: Availability | null): string | null {
  return availability === 'NEARLINE'
    ? 'Retrieving from the archive (availability NEARLINE): this may take a while.'
    : null;
}
