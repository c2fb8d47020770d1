import type { StudySeries } from '@/domain/fhir/study';
import type { ImageSource } from '@/domain/imaging/image-source';
import { objectKindOfInstance } from '@/domain/imaging/object-kind';
import { localSeriesOf } from '@/lib/local-series';
import type { SeriesObject, SeriesStack } from './get-series-stack';

/**
 * A series opened from the user's disk: its stack is what the files' own headers say (read when the
 * folder was opened), in the order they were grouped; each image's bytes are read when it is shown.
 */
export function getLocalSeriesStack(series: StudySeries): SeriesStack {
  const { key } = series;
  const local = key ? localSeriesOf(key) : null;
  if (!key || !local) throw new Error('These files are no longer open: open the folder again.');
  const images: ImageSource[] = [];
  const objects: SeriesObject[] = [];
  for (const { metadata, imageIds } of local) {
    const kind = objectKindOfInstance(metadata);
    if (kind !== 'image') objects.push({ kind, metadata });
    else for (const imageId of imageIds) images.push({ imageId, seriesKey: key, metadata });
  }
  return { images, objects, instances: local.map((instance) => instance.metadata), leftOut: null };
}
