/**
 * A series' one identity in the app: the stack query, the prefetch progress bar and the transfer-syntax
 * memory all name a series by this key. It is the series' URL on the server its images come from (the
 * WADO-RS series URL, or for a series only WADO-URI serves, the WADO-URI query naming the series), so
 * the same DICOM series on two servers (a study split over two PACS) stays two series, and the same
 * series reached from the study list's preview and from the viewer is one.
 */
import type { DicomWebBaseUrl } from './dicomweb-base-url';
import type { SeriesInstanceUid, StudyInstanceUid } from './dicom-uid';
import { buildWadoRsSeriesUrl } from './wado-rs-urls';
import { buildWadoUriSeriesQuery } from './wado-uri-urls';

declare const seriesKeyBrand: unique symbol;

export type SeriesKey = string & { readonly [seriesKeyBrand]: 'SeriesKey' };

export function seriesKeyOf(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
): SeriesKey {
  return buildWadoRsSeriesUrl(base, study, series) as SeriesKey;
}

/** The key of a series fetched through WADO-URI (never equal to a WADO-RS key: it has a query). */
export function wadoUriSeriesKeyOf(
  base: DicomWebBaseUrl,
  study: StudyInstanceUid,
  series: SeriesInstanceUid,
): SeriesKey {
  return buildWadoUriSeriesQuery(base, study, series) as SeriesKey;
}
