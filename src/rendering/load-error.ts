import { FrameLengthError } from '@/domain/imaging/native-frame';
import { ImagingHttpError } from '@/lib/imaging-http';

/**
 * What a failed image load was, in words a clinician can act on. Cornerstone rejects with whatever
 * it had at hand: the XMLHttpRequest itself, an object carrying it as `request` or `xhr`, an Error
 * (a codec that failed), or a plain object.
 */

/** Nested wrappers are followed this deep at most, so a cyclic object cannot loop forever. */
const MAX_DEPTH = 3;

/**
 * The HTTP status the image server answered, or null when there was no answer: status 0 is a
 * network failure or an abort, not the server's word.
 */
export function httpStatusOfLoadError(cause: unknown, depth = 0): number | null {
  if (typeof cause !== 'object' || cause === null || depth > MAX_DEPTH) return null;
  const { status, request, xhr } = cause as { status?: unknown; request?: unknown; xhr?: unknown };
  if (typeof status === 'number' && status > 0) return status;
  for (const inner of [request, xhr])
    if (inner !== undefined && inner !== cause) {
      const found = httpStatusOfLoadError(inner, depth + 1);
      if (found !== null) return found;
    }
  return null;
}

/** The sentence the viewport shows over an image that could not be shown. */
export function describeLoadError(cause: unknown): string {
  const status = httpStatusOfLoadError(cause);
  if (status !== null) return `The image server could not deliver this image (HTTP ${status}).`;
  // The imaging door's own words when the server never answered: which one, and how long we waited.
  if (cause instanceof ImagingHttpError) return cause.message;
  // A frame of the wrong size is the file's fault, not a decoder's: say which.
  if (cause instanceof FrameLengthError) return cause.message;
  return 'This image could not be loaded or decoded.';
}

/**
 * An Error for a stack that failed to load. Cornerstone rejects some loads with plain objects
 * (`{ error: XMLHttpRequest }` and the like), which have no message to show: they get a plain sentence.
 */
export function loadFailureAsError(cause: unknown): Error {
  if (cause instanceof Error) return cause;
  return new Error('The image could not be loaded from the image server.');
}
