import { WHOLE_INSTANCE } from '@/domain/imaging/frame-retrieval';
import { firstMultipartPart } from '@/domain/imaging/multipart-related';
import {
  frameAcceptHeader,
  transferSyntaxOfContentType,
  TransferSyntax,
} from '@/domain/imaging/transfer-syntax';
import { fetchImagingBytes, ImagingHttpError, type AuthorizationProvider } from '@/lib/imaging-http';
import { frameRetrievalFor, learnFromFrameFailure } from './frame-transfer-syntax';
import { urlOfImageId } from './image-id-url';
import { fetchFrameOfInstance } from './whole-instance-frame';

export interface FrameBytes {
  pixelData: Uint8Array;
  transferSyntax: string;
}

/**
 * One frame's bytes through the imaging door (token, 401 renewal, 503 wait, timeout), in the encoding
 * the server can send: a frame it cannot send as stored is asked for in the other encoding, and one it
 * will not cut out at all is taken from its whole instance (frame-retrieval.ts); what worked is
 * remembered for its series. The loader decodes what this returns.
 */
export async function fetchFrame(
  imageId: string,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<FrameBytes> {
  const url = urlOfImageId(imageId);
  // At most three ways (frame as stored, frame transcoded, whole instance): learnFromFrameFailure
  // says no once each has been tried.
  for (;;) {
    const way = frameRetrievalFor(imageId);
    try {
      if (way === WHOLE_INSTANCE) return await fetchFrameOfInstance(url, authorizationFor, signal);
      return await fetchOneFrame(url, frameAcceptHeader(way), authorizationFor, signal);
    } catch (error) {
      const status = error instanceof ImagingHttpError ? error.status : null;
      if (signal?.aborted || !learnFromFrameFailure(imageId, way, status)) throw error;
    }
  }
}

async function fetchOneFrame(
  url: string,
  accept: string,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<FrameBytes> {
  const answer = await fetchImagingBytes(url, { accept, authorizationFor, signal });
  const part = firstMultipartPart(answer.body, answer.contentType);
  return {
    pixelData: part.body,
    // Frames without a named syntax are implicit little endian (the loader's own default).
    transferSyntax:
      transferSyntaxOfContentType(part.contentType) ??
      transferSyntaxOfContentType(answer.contentType) ??
      TransferSyntax.ImplicitVrLittleEndian,
  };
}
