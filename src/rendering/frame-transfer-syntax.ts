import type { SeriesKey } from '@/domain/dicomweb/series-key';
import { nextFrameRetrieval, type FrameRetrieval } from '@/domain/imaging/frame-retrieval';
import { frameTransferSyntaxToRequest } from '@/domain/imaging/transfer-syntax';

/**
 * How to ask for each image id's frame (see frame-retrieval.ts): a transfer syntax, or the whole
 * instance. Learnt two ways: from the stored transfer syntax when the metadata carries it, else from
 * failed requests. What one instance needed is tried first for the rest of its series, so a 300-slice
 * big-endian series costs one failed request, not 300, and a series whose frames the server will not
 * cut at all goes straight to its instances.
 */
const requestedByImageId = new Map<string, FrameRetrieval>();
const triedByImageId = new Map<string, Set<FrameRetrieval>>();
const seriesOfImageId = new Map<string, SeriesKey>();
const requestedBySeries = new Map<SeriesKey, FrameRetrieval>();

export function rememberStoredTransferSyntax(
  imageId: string,
  seriesKey: SeriesKey,
  stored: string | null,
): void {
  seriesOfImageId.set(imageId, seriesKey);
  if (stored) requestedByImageId.set(imageId, frameTransferSyntaxToRequest(stored) as FrameRetrieval);
}

/** What this image's next request asks for. */
export function frameRetrievalFor(imageId: string): FrameRetrieval {
  const own = requestedByImageId.get(imageId);
  if (own) return own;
  const series = seriesOfImageId.get(imageId);
  return (series && requestedBySeries.get(series)) ?? '*';
}

/**
 * After a request made as `failed` failed with `status`: whether asking another way may help. If so,
 * that way is remembered for the image and its series, and the next `frameRetrievalFor` returns it.
 * Two requests for one image may fail at once (the early frame and the loader's): the second finds the
 * first has already moved on and follows it, rather than skipping a way nobody has tried.
 */
export function learnFromFrameFailure(
  imageId: string,
  failed: FrameRetrieval,
  status: number | null,
): boolean {
  const tried = triedByImageId.get(imageId) ?? new Set<FrameRetrieval>();
  tried.add(failed);
  triedByImageId.set(imageId, tried);
  const next = nextFrameRetrieval(failed, tried, status);
  if (next === null) return false;
  const current = frameRetrievalFor(imageId);
  if (current !== failed && !tried.has(current)) return true;
  requestedByImageId.set(imageId, next);
  const series = seriesOfImageId.get(imageId);
  if (series) requestedBySeries.set(series, next);
  return true;
}
