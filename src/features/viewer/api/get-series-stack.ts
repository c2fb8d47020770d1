import { queryOptions, useQuery } from '@tanstack/react-query';
import { parseSopInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { frameNumbersUpTo } from '@/domain/dicomweb/frame-number';
import { buildWadoRsImageId } from '@/domain/dicomweb/image-ids';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { StudySeries } from '@/domain/fhir/study';
import {
  DicomTag,
  dicomNumber,
  dicomString,
  isDicomJsonInstance,
  type DicomJsonInstance,
} from '@/domain/imaging/dicom-json';
import type { ImageSource } from '@/domain/imaging/image-source';
import { describeLeftOutInstances } from '@/domain/imaging/left-out-instances';
import { objectKindOfInstance, type ObjectKind } from '@/domain/imaging/object-kind';
import { orderInstancesForStack, type StackOrderNote } from '@/domain/imaging/stack-order';
import { fetchDicomJson, type AuthorizationProvider } from '@/lib/imaging-http';
import { retrievalOf } from '@/domain/fhir/series-retrieval';
import { getWadoUriSeriesStack } from './get-wado-uri-stack';
import { getLocalSeriesStack } from './get-local-series-stack';
import { isLocalSeriesKey } from '@/lib/local-series';
import { useImagingAuthorization } from '@/lib/smart-session';
import { whenFirstImageRequestsIn } from '@/rendering/load-priority';
import { seriesMetadataQueue } from './series-metadata-queue';

/** An object of the series that is not an image (SR, KOS, PDF, presentation state…). */
export interface SeriesObject {
  kind: Exclude<ObjectKind, 'image'>;
  metadata: DicomJsonInstance;
}

export interface SeriesStack {
  /** One per frame, in stack order; empty for a series of non-image objects only. */
  images: ImageSource[];
  /** The series' non-image objects, shown as what they are (see object-kind.ts). */
  objects: SeriesObject[];
  /** Instances in stack order (one per instance, even when multi-frame). */
  instances: DicomJsonInstance[];
  /** How many instances could not be shown and why; null when none were left out. */
  leftOut: string | null;
  /** How the stack was ordered without knowing the images' positions; null when their headers ordered it. */
  order: StackOrderNote | null;
}

/** The series' WADO-RS metadata turned into an ordered list of frame image ids. */
export async function getSeriesStack(
  study: StudyInstanceUid,
  series: StudySeries,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<SeriesStack> {
  if (isLocalSeriesKey(series.key)) return getLocalSeriesStack(series);
  if (retrievalOf(series) === 'wado-uri') return getWadoUriSeriesStack(series);
  const { uid, wadoRs, metadataUrl, key } = series;
  if (!uid || !wadoRs || !metadataUrl || !key) {
    throw new Error(series.errors[0] ?? 'This series has no usable image server.');
  }
  const json = await fetchDicomJson(metadataUrl, authorizationFor, { signal });
  const described = Array.isArray(json) ? json : [];
  const instances = orderInstancesForStack(described.filter(isDicomJsonInstance));
  const images: ImageSource[] = [];
  const objects: SeriesObject[] = [];
  let usable = 0;
  for (const metadata of instances) {
    const sop = parseSopInstanceUid(dicomString(metadata, DicomTag.SopInstanceUid));
    if (!sop) continue;
    usable += 1;
    // A report, a key object selection or a document has no pixels to stack: it is shown as what it is.
    const kind = objectKindOfInstance(metadata);
    if (kind !== 'image') {
      objects.push({ kind, metadata });
      continue;
    }
    for (const frame of frameNumbersUpTo(dicomNumber(metadata, DicomTag.NumberOfFrames) ?? 1)) {
      images.push({
        imageId: buildWadoRsImageId(wadoRs.address, study, uid, sop, frame),
        seriesKey: key,
        metadata,
      });
    }
  }
  const leftOut = describeLeftOutInstances({
    listed: series.instances.length,
    described: described.length,
    usable,
  });
  if (images.length === 0 && objects.length === 0) {
    throw new Error(`The image server returned no images for this series.${leftOut ? ` ${leftOut}` : ''}`);
  }
  return { images, objects, instances, leftOut, order: null };
}

/**
 * Keyed by the series' identity (its WADO-RS series URL: server, study and series), so the viewport,
 * the series thumbnail and the study header share one request per series.
 */
export function seriesStackQueryOptions(
  study: StudyInstanceUid,
  series: StudySeries,
  authorizationFor: AuthorizationProvider,
) {
  // The key is what the stack is built from: the metadata URL (which contains the WADO-RS base) and
  // the UIDs. Not the whole series: its instance list (hundreds for a CT) would be hashed at every
  // render of every viewport and thumbnail, and its labels and errors do not change the metadata.
  // authorizationFor is a function: it cannot be hashed and decides only whether the token goes along.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- series: metadataUrl and uid are its inputs
  return queryOptions({
    queryKey: ['series-stack', series.key, study],
    // Through the shared queue: a few at a time, a viewport's series first. Using the signal makes
    // TanStack Query abort the query when its last observer leaves (a thumbnail scrolled away), and
    // the queue then drops it unsent.
    // After the first image's own requests, when the landing sent them (load-priority.ts).
    queryFn: async ({ signal }) => {
      await whenFirstImageRequestsIn();
      return series.key
        ? seriesMetadataQueue.schedule(
            series.key,
            () => getSeriesStack(study, series, authorizationFor, signal),
            signal,
          )
        : getSeriesStack(study, series, authorizationFor, signal);
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function useSeriesStack(study: StudyInstanceUid, series: StudySeries) {
  const authorizationFor = useImagingAuthorization();
  return useQuery(seriesStackQueryOptions(study, series, authorizationFor));
}
