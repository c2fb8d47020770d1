import type { StudySeries } from '@/domain/fhir/study';
import type { ImageSource } from '@/domain/imaging/image-source';
import { objectKindOfInstance } from '@/domain/imaging/object-kind';
import { orderInstancesForStack } from '@/domain/imaging/stack-order';
import { localSeriesOf } from '@/lib/local-series';
import type { SeriesObject, SeriesStack } from './get-series-stack';

/**
 * A series opened from the user's disk: its stack is what the files' own headers say (read when the
 * folder was opened), ordered as a PACS series is (by position along the slice normal where every
 * header gives one, else by Instance Number); each image's bytes are read when it is shown.
 */
export function getLocalSeriesStack(series: StudySeries): SeriesStack {
  const { key } = series;
  const local = key ? localSeriesOf(key) : null;
  if (!key || !local) throw new Error('These files are no longer open: open the folder again.');
  const images: ImageSource[] = [];
  const objects: SeriesObject[] = [];
  // The headers are in hand: the same order as a WADO-RS series, not the grouping's Instance Numbers.
  const rank = new Map(
    orderInstancesForStack(local.map((item) => item.metadata)).map((item, i) => [item, i]),
  );
  const ordered = [...local].sort((a, b) => (rank.get(a.metadata) ?? 0) - (rank.get(b.metadata) ?? 0));
  for (const { metadata, imageIds } of ordered) {
    const kind = objectKindOfInstance(metadata);
    if (kind !== 'image') objects.push({ kind, metadata });
    else for (const imageId of imageIds) images.push({ imageId, seriesKey: key, metadata });
  }
  return {
    images,
    objects,
    instances: ordered.map((instance) => instance.metadata),
    leftOut: null,
    order: null,
  };
}
