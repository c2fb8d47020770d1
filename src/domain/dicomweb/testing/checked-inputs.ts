import { parseDicomWebBaseUrl, type DicomWebBaseUrl } from '../dicomweb-base-url';

/** A test's own input that must pass its check (a UID, a frame number…); fails the test loudly if not. */
export function checked<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('test input failed its check');
  return value;
}

/** A DICOMweb base URL for a test, through the same check the app uses. */
export function baseUrl(raw: string): DicomWebBaseUrl {
  const parsed = parseDicomWebBaseUrl(raw);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.url;
}
