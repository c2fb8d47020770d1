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
  return path === null ? null : sameOriginPath(path, window.location.origin);
}

/**
 * The path, query and hash of `path` if it stays on `origin`; null otherwise. A stored value must never
 * become an open redirect (or a blank page), so the browser's own URL parser decides, not a pattern:
 * the value is resolved against this origin and its origin compared. It must also be what it says —
 * a value the parser rewrites (tabs and newlines dropped, `\` read as `/`) is refused — and stay here
 * once percent-decoded, as a router decodes it (`/%5Cevil.example`).
 */
export function sameOriginPath(path: string, origin: string): string | null {
  const resolved = resolveHere(path, origin);
  if (!resolved) return null;
  const kept = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  if (!path.startsWith('/') || `${origin}${path}` !== resolved.href) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(resolved.pathname);
  } catch {
    return null;
  }
  return resolveHere(decoded, origin) ? kept : null;
}

function resolveHere(path: string, origin: string): URL | null {
  try {
    const url = new URL(path, origin);
    return url.origin === origin ? url : null;
  } catch {
    return null;
  }
}
