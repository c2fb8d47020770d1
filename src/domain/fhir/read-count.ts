import { readInteger } from './json-read';

/**
 * Upper bounds for a count an ImagingStudy declares. The largest studies seen in practice (fMRI with a
 * series per run, dynamic PET/CT, 4D cardiac CT) reach a few thousand series and a few hundred thousand
 * instances; these bounds sit an order of magnitude above, so no real study is refused, while a count
 * that could only come from a bug or an attack (2^53 − 1, 1e12) is.
 */
export const MAX_PLAUSIBLE_SERIES = 10_000;
export const MAX_PLAUSIBLE_INSTANCES = 1_000_000;

/**
 * `numberOfSeries` / `numberOfInstances` (FHIR unsignedInt) when it is a whole number from 0 to `max`;
 * null otherwise, so the caller counts what the resource lists instead of showing "-3 / 1".
 */
export function readCount(value: unknown, max: number): number | null {
  const count = readInteger(value);
  return count !== null && count >= 0 && count <= max ? count : null;
}
