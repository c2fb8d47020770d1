import type { SeriesKey } from '@/domain/dicomweb/series-key';
import {
  frameAcceptHeader,
  frameTransferSyntaxToRequest,
  isRetryableAsExplicitLittleEndian,
  TransferSyntax,
} from '@/domain/imaging/transfer-syntax';

/**
 * Which transfer syntax to ask for, per image id. Learnt two ways: from the stored transfer syntax
 * when the metadata carries it, else from a failed `transfer-syntax=*` request that explicit little
 * endian then fixes. What one instance needed is tried first for the rest of its series, so a
 * 300-slice big-endian series costs one failed request, not 300.
 */
const requestedByImageId = new Map<string, string>();
const seriesOfImageId = new Map<string, SeriesKey>();
const requestedBySeries = new Map<SeriesKey, string>();

export function rememberStoredTransferSyntax(
  imageId: string,
  seriesKey: SeriesKey,
  stored: string | null,
): void {
  seriesOfImageId.set(imageId, seriesKey);
  if (stored) requestedByImageId.set(imageId, frameTransferSyntaxToRequest(stored));
}

function requestedFor(imageId: string): string {
  const own = requestedByImageId.get(imageId);
  if (own) return own;
  const series = seriesOfImageId.get(imageId);
  return (series && requestedBySeries.get(series)) ?? '*';
}

/** The Accept header for this frame's request. */
export function frameAcceptFor(imageId: string): string {
  return frameAcceptHeader(requestedFor(imageId));
}

/**
 * After a failed frame request: whether asking once more in the other encoding may help. If so, the
 * other encoding is remembered for the image and its series, and the next `frameAcceptFor` asks it.
 */
export function learnFromFrameFailure(imageId: string, status: number | null): boolean {
  if (!isRetryableAsExplicitLittleEndian(status)) return false;
  const other = requestedFor(imageId) === '*' ? TransferSyntax.ExplicitVrLittleEndian : '*';
  requestedByImageId.set(imageId, other);
  const series = seriesOfImageId.get(imageId);
  if (series) requestedBySeries.set(series, other);
  return true;
}
