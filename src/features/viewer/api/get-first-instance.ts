import { queryOptions } from '@tanstack/react-query';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { buildWadoRsInstanceMetadataUrl } from '@/domain/dicomweb/wado-rs-urls';
import { retrievalOf } from '@/domain/fhir/series-retrieval';
import type { StudySeries } from '@/domain/fhir/study';
import { isDicomJsonInstance } from '@/domain/imaging/dicom-json';
import { likelyFirstFrameOf } from '@/domain/imaging/first-image-guess';
import type { ImageSource } from '@/domain/imaging/image-source';
import { objectKindOfInstance } from '@/domain/imaging/object-kind';
import { fetchDicomJson, type AuthorizationProvider } from '@/lib/imaging-http';

/**
 * The first frame of the instance a series most likely starts with, described by that instance's own
 * metadata (one small WADO-RS request): enough to paint it (first-paint.ts) before the whole series'
 * metadata, hundreds of instances for a CT, has arrived. Null for what has no such frame (a series
 * not on WADO-RS, a non-image object). Whether it really comes first in the stack is known only from
 * the series' metadata: the viewport then paints the stack's own first image instead if it differs.
 */
export async function getFirstInstance(
  study: StudyInstanceUid,
  series: StudySeries,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<ImageSource | null> {
  const first = likelyFirstFrameOf(study, series);
  const { uid, wadoRs, key } = series;
  if (!first || !uid || !wadoRs || !key || retrievalOf(series) !== 'wado-rs') return null;
  const url = buildWadoRsInstanceMetadataUrl(wadoRs.address, study, uid, first.instance);
  const json = await fetchDicomJson(url, authorizationFor, { signal });
  const metadata = Array.isArray(json) ? json.find(isDicomJsonInstance) : undefined;
  if (!metadata || objectKindOfInstance(metadata) !== 'image') return null;
  return {
    imageId: first.imageId,
    seriesKey: key,
    metadata,
  };
}

/** Keyed like the series stack (server, study and series): one request per series and page. */
export function firstInstanceQueryOptions(
  study: StudyInstanceUid,
  series: StudySeries,
  authorizationFor: AuthorizationProvider,
) {
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- series: its key and instance list are the inputs
  return queryOptions({
    queryKey: ['first-instance', series.key, study],
    queryFn: ({ signal }) => getFirstInstance(study, series, authorizationFor, signal),
    staleTime: Infinity,
    retry: false,
  });
}
