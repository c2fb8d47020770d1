/**
 * The deep link a user arrived with (e.g. `?StudyInstanceUIDs=`), kept in this tab's sessionStorage
 * across the authorization redirect so the launch lands where the link pointed.
 */
const RETURN_TO_KEY = 'imaging-viewer.return-to';

/** URL parameters that describe where to land; everything else belongs to the launch itself. */
const DEEP_LINK_PARAMS = [
  'StudyInstanceUIDs',
  'SeriesInstanceUID',
  'SeriesInstanceUIDs',
  'requestType',
  'studyUID',
  'patientID',
];

export function deepLinkOf(search: string): string | null {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const name of DEEP_LINK_PARAMS) {
    const value = params.get(name);
    if (value) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `/viewer?${query}` : null;
}

export function rememberReturnTo(path: string | null): void {
  if (path) sessionStorage.setItem(RETURN_TO_KEY, path);
  else sessionStorage.removeItem(RETURN_TO_KEY);
}

export function takeReturnTo(): string | null {
  const path = sessionStorage.getItem(RETURN_TO_KEY);
  sessionStorage.removeItem(RETURN_TO_KEY);
  // Only same-app paths: a stored value must never become an open redirect.
  return path && path.startsWith('/') && !path.startsWith('//') ? path : null;
}
