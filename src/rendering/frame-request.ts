import { firstMultipartPart } from '@/domain/imaging/multipart-related';
import { transferSyntaxOfContentType, TransferSyntax } from '@/domain/imaging/transfer-syntax';
import { fetchImagingBytes, ImagingHttpError, type AuthorizationProvider } from '@/lib/imaging-http';
import { frameAcceptFor, learnFromFrameFailure } from './frame-transfer-syntax';
import { urlOfImageId } from './image-id-url';

export interface FrameBytes {
  pixelData: Uint8Array;
  transferSyntax: string;
}

/**
 * One frame's bytes through the imaging door (token, 401 renewal, 503 wait, timeout), in the encoding
 * the server can send: a frame it cannot send as stored is asked for once more in the other encoding,
 * and that is remembered for its series. No Cornerstone here: the loader decodes what this returns.
 */
export async function fetchFrame(
  imageId: string,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<FrameBytes> {
  const url = urlOfImageId(imageId);
  const request = (accept: string) => fetchImagingBytes(url, { accept, authorizationFor, signal });
  let answer;
  try {
    answer = await request(frameAcceptFor(imageId));
  } catch (error) {
    const status = error instanceof ImagingHttpError ? error.status : null;
    if (signal?.aborted || !learnFromFrameFailure(imageId, status)) throw error;
    answer = await request(frameAcceptFor(imageId));
  }
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
