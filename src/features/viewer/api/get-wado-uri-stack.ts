import type { StudySeries } from '@/domain/fhir/study';
import { wadoUriStackOf } from '@/domain/imaging/wado-uri-stack';
import type { SeriesStack } from './get-series-stack';

/**
 * A series only WADO-URI serves: its stack is made from the instances the ImagingStudy lists (there is
 * no metadata to ask for), and each image's file is fetched when Cornerstone loads it.
 */
export function getWadoUriSeriesStack(series: StudySeries): SeriesStack {
  const { key } = series;
  if (!key) throw new Error(series.errors[0] ?? 'This series has no usable image server.');
  const { images, leftOut, order } = wadoUriStackOf(series);
  if (images.length === 0) {
    throw new Error(
      `The record lists no instance of this series that can be fetched over WADO-URI.${leftOut ? ` ${leftOut}` : ''}`,
    );
  }
  return {
    images: images.map((image) => ({ ...image, seriesKey: key })),
    // No metadata service: what FHIR lists of a non-image object is not known here (shown as images).
    objects: [],
    instances: images.map((image) => image.metadata),
    leftOut,
    order,
  };
}
