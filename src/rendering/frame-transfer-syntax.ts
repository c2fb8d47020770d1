import { imageLoader, type Types } from '@cornerstonejs/core';
import { createImage, wadors } from '@cornerstonejs/dicom-image-loader';
import {
  frameAcceptHeader,
  frameTransferSyntaxToRequest,
  isRetryableAsExplicitLittleEndian,
  TransferSyntax,
} from '@/domain/imaging/transfer-syntax';
import type { takeEarlyFrame } from './early-frames';

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

function statusOf(cause: unknown): number | null {
  if (typeof XMLHttpRequest !== 'undefined' && cause instanceof XMLHttpRequest) return cause.status;
  if (typeof cause === 'object' && cause !== null) {
    const status = (cause as { status?: unknown }).status;
    if (typeof status === 'number') return status;
    const request = (cause as { request?: unknown }).request;
    if (request !== undefined && request !== cause) return statusOf(request);
  }
  return null;
}

/**
 * Wraps the WADO-RS loader: a frame fetched early (see early-frames.ts) is decoded from those bytes;
 * a frame the server cannot send as stored is asked for once more in the other encoding, and the
 * answer is remembered for its series. The early frames come in as a parameter because early-frames.ts
 * asks this module for its Accept header: importing it back would make a cycle.
 */
export function registerTransferSyntaxAwareLoader(takeEarly: typeof takeEarlyFrame): void {
  imageLoader.registerImageLoader('wadors', (imageId, options = {}) => {
    const earlyFrame = takeEarly(imageId);
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
    if (!isRetryableAsExplicitLittleEndian(statusOf(cause))) throw cause;
    const other = tried === '*' ? TransferSyntax.ExplicitVrLittleEndian : '*';
    requestedByImageId.set(imageId, other);
    const series = seriesOfImageId.get(imageId);
    if (series) requestedBySeries.set(series, other);
    return wadors.loadImage(imageId, options).promise;
  });
  return { promise, cancelFn: first.cancelFn };
}
