/**
 * A DICOMweb (or IID) service base: an absolute http(s) URL with no query, no fragment, no credentials,
 * no empty or dot path segments and no trailing slash. The checks are strict on purpose: builders
 * append "/studies/…" or "?requestType=…" to it verbatim, so anything looser could yield a URL that
 * points somewhere other than the study (or leaks a token to a different path).
 */
declare const baseUrlBrand: unique symbol;

export type DicomWebBaseUrl = string & { readonly [baseUrlBrand]: 'DicomWebBaseUrl' };

export type DicomWebBaseUrlResult = { ok: true; url: DicomWebBaseUrl } | { ok: false; reason: string };

const SCHEME = /^https?:\/\//i;
/** RFC 3986 characters, minus "?", "#" and "@", which are reported separately or refused. */
const URL_CHARACTERS = /^[A-Za-z0-9\-._~:/[\]!$&'()*+,;=%]*$/;

export function parseDicomWebBaseUrl(raw: unknown): DicomWebBaseUrlResult {
  if (typeof raw !== 'string') return fail('it is missing');
  if (raw.length === 0) return fail('it is empty');
  if (!SCHEME.test(raw)) return fail('it is not an absolute http or https URL');
  if (raw.includes('?')) return fail('it has a query ("?…"), which a DICOMweb base URL must not have');
  if (raw.includes('#')) return fail('it has a fragment ("#…"), which a DICOMweb base URL must not have');
  if (raw.includes('@')) return fail('it contains user credentials ("@")');
  if (!URL_CHARACTERS.test(raw)) return fail('it contains characters that are not allowed in a URL');
  if (raw.includes('..')) return fail('it contains ".."');

  const scheme = SCHEME.exec(raw)?.[0] ?? '';
  const afterScheme = raw.slice(scheme.length).replace(/\/+$/, '');
  const trimmed = `${scheme}${afterScheme}`;
  const [authority = '', ...segments] = afterScheme.split('/');
  if (authority.length === 0) return fail('it has no host');
  for (const segment of segments) {
    if (segment.length === 0) return fail('it has an empty path segment ("//")');
    const decoded = decodeSegment(segment);
    if (decoded === null) return fail('it has malformed percent-encoding');
    if (decoded === '.' || decoded === '..') return fail('it has a "." or ".." path segment');
  }
  if (!isParsableUrl(trimmed)) return fail('it is not a valid URL');
  return { ok: true, url: trimmed as DicomWebBaseUrl };
}

function fail(reason: string): DicomWebBaseUrlResult {
  return { ok: false, reason };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function isParsableUrl(candidate: string): boolean {
  try {
    return new URL(candidate).hostname.length > 0;
  } catch {
    return false;
  }
}
