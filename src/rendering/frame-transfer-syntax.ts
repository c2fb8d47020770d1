import { imageLoader, type Types } from '@cornerstonejs/core';
import { createImage, wadors } from '@cornerstonejs/dicom-image-loader';
import {
  frameAcceptHeader,
  frameTransferSyntaxToRequest,
  isRetryableAsExplicitLittleEndian,
  TransferSyntax,
} from '@/domain/imaging/transfer-syntax';
import { takeEarlyFrame } from './early-frames';
import { httpStatusOfLoadError } from './load-error';

/**
 * Which transfer syntax to ask for, per image id. Learnt two ways: from the stored transfer syntax
 * when the metadata carries it, else from a failed `transfer-syntax=*` request that explicit little
 * endian then fixes. What one instance needed is tried first for the rest of its series, so a
 * 300-slice big-endian series costs one failed request, not 300.
 */
const requestedByImageId = new Map<string, string>();
const seriesOfImageId = new Map<string, string>();
const requestedBySeries = new Map<string, string>();

export function rememberStoredTransferSyntax(
  imageId: string,
  seriesKey: string | null,
  stored: string | null,
): void {
  if (seriesKey) seriesOfImageId.set(imageId, seriesKey);
  if (stored) requestedByImageId.set(imageId, frameTransferSyntaxToRequest(stored));
}

function requestedFor(imageId: string): string {
  const own = requestedByImageId.get(imageId);
  if (own) return own;
  const series = seriesOfImageId.get(imageId);
  return (series && requestedBySeries.get(series)) ?? '*';
}

/** The Accept header for a frame request, or null to keep the loader's own. */
export function frameAcceptFor(imageId: string): string | null {
  const requested = requestedFor(imageId);
  return requested === '*' ? null : frameAcceptHeader(requested);
}

/**
 * Wraps the WADO-RS loader: a frame fetched early (see early-frames.ts) is decoded from those bytes;
 * a frame the server cannot send as stored is asked for once more in the other encoding, and the
 * answer is remembered for its series.
 */
export function registerTransferSyntaxAwareLoader(): void {
  imageLoader.registerImageLoader('wadors', (imageId, options = {}) => {
    const earlyFrame = takeEarlyFrame(imageId);
    if (earlyFrame) {
      const fromNetwork = () => loadWithRetry(imageId, options).promise;
      const promise = earlyFrame.then(async (frame) => {
        if (!frame) return fromNetwork();
        const image = (await createImage(
          imageId,
          frame.pixelData,
          frame.transferSyntax,
          options,
        )) as Types.IImage & {
          transferSyntaxUID?: string;
        };
        image.transferSyntaxUID = frame.transferSyntax;
        return image;
      });
      return { promise: promise.catch(fromNetwork) };
    }
    return loadWithRetry(imageId, options);
  });
}

/** Cornerstone's WADO-RS loader, once more in the other encoding when the server cannot send the first. */
function loadWithRetry(imageId: string, options: Record<string, unknown>) {
  const tried = requestedFor(imageId);
  const first = wadors.loadImage(imageId, options);
  const promise = first.promise.catch((cause: unknown) => {
    if (!isRetryableAsExplicitLittleEndian(httpStatusOfLoadError(cause))) throw cause;
    const other = tried === '*' ? TransferSyntax.ExplicitVrLittleEndian : '*';
    requestedByImageId.set(imageId, other);
    const series = seriesOfImageId.get(imageId);
    if (series) requestedBySeries.set(series, other);
    return wadors.loadImage(imageId, options).promise;
  });
  return { promise, cancelFn: first.cancelFn };
}
