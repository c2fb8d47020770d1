import type { Bundle, BundleLink } from '@medplum/fhirtypes';

export const DEFAULT_PAGE_SIZE = 20;
/** Medplum's own ceiling (DEFAULT_MAX_SEARCH_COUNT). */
export const MAX_PAGE_SIZE = 1000;

export interface PageRequest {
  readonly count: number;
  readonly offset: number;
}

function parseNonNegative(value: string | null, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

/**
 * Makes `_count` and `_offset` explicit on a search so that the links we write describe exactly the page
 * medplum returned (medplum honours both, but writes no `Bundle.link`).
 */
export function normalizePaging(params: URLSearchParams): PageRequest {
  const count = Math.min(parseNonNegative(params.get('_count'), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  const offset = parseNonNegative(params.get('_offset'), 0);
  params.set('_count', String(count));
  params.set('_offset', String(offset));
  return { count, offset };
}

/** `self`, `first`, `previous` and `next` links as absolute URLs on our server. */
export function buildSearchLinks(
  searchUrl: string,
  params: URLSearchParams,
  page: PageRequest,
  total: number,
): BundleLink[] {
  const at = (offset: number): string => {
    const copy = new URLSearchParams(params);
    copy.set('_offset', String(offset));
    return `${searchUrl}?${copy.toString()}`;
  };
  const links: BundleLink[] = [
    { relation: 'self', url: at(page.offset) },
    { relation: 'first', url: at(0) },
  ];
  if (page.offset > 0 && page.count > 0) {
    links.push({ relation: 'previous', url: at(Math.max(0, page.offset - page.count)) });
  }
  if (page.count > 0 && page.offset + page.count < total) {
    links.push({ relation: 'next', url: at(page.offset + page.count) });
  }
  return links;
}

export function withSearchLinks(bundle: Bundle, links: BundleLink[]): Bundle {
  // FHIR puts `link` before `entry`; rebuild the object so the JSON reads naturally.
  const { resourceType, type, total, entry, ...rest } = bundle;
  return { resourceType, ...rest, type, total: total ?? 0, link: links, ...(entry ? { entry } : {}) };
}
