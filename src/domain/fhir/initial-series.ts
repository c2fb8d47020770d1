import type { Study } from './study';

/**
 * The series the viewer opens first: the one the link names, else the first it can fetch; null when
 * there is neither. One rule for the viewer and for the requests sent ahead of it (prefetch-landing.ts),
 * so the prefetch fetches what the viewer will show.
 */
export function initialSeriesIndexOf(study: Study, requestedUid: string | null): number | null {
  const requested = study.series.findIndex((series) => series.uid !== null && series.uid === requestedUid);
  if (requested >= 0) return requested;
  const fetchable = study.series.findIndex((series) => series.key !== null);
  return fetchable >= 0 ? fetchable : null;
}
