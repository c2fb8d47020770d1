import type { StudySeries } from './study';

/**
 * How the viewer fetches a series' images: WADO-RS (the series' metadata, then frames) whenever the
 * series has a WADO-RS server, else WADO-URI (the instances FHIR lists, each fetched whole); null when
 * it may not be fetched at all (see `StudySeries.key`).
 */
export type SeriesRetrieval = 'wado-rs' | 'wado-uri';

export function retrievalOf(
  series: Pick<StudySeries, 'key' | 'metadataUrl' | 'wadoUri'>,
): SeriesRetrieval | null {
  if (series.key === null) return null;
  if (series.metadataUrl !== null) return 'wado-rs';
  return series.wadoUri !== null ? 'wado-uri' : null;
}
