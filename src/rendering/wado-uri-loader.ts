import { imageLoader } from '@cornerstonejs/core';
import { utilities as metadataUtilities } from '@cornerstonejs/metadata';
import { firstMultipartPart } from '@/domain/imaging/multipart-related';
import { fetchImagingBytes, type AuthorizationProvider } from '@/lib/imaging-http';
import { decodeFrame } from './decode-frame';
import { urlOfImageId } from './image-id-url';
import { withRenderedFallback } from './rendered-fallback';
import type { LoadOptions } from './load-options';
import { inRetrievalPool } from './retrieval-pool';
import { frameOfDataSet, parsePart10 } from './instance-frame';

/**
 * Cornerstone's `wadouri:` images, fetched through the app's imaging door instead of the WADO-URI
 * loader's own XMLHttpRequest (token policy, 401 renewal, 503 wait, timeout, errors, as for frames).
 * The file is handed to Cornerstone's metadata (`addDicomPart10Instance`: the same providers its own
 * WADO-URI loader fills), and its first frame is decoded like any frame (decode-frame.ts).
 */
export function registerWadoUriLoader(authorizationFor: () => AuthorizationProvider): void {
  imageLoader.registerImageLoader('wadouri', (imageId, options: LoadOptions = {}) => {
    const controller = new AbortController();
    const promise = withRenderedFallback(
      imageId,
      async () => {
        const file = await inRetrievalPool(imageId, options, () =>
          fetchDicomFile(imageId, authorizationFor(), controller.signal),
        );
        await metadataUtilities.addDicomPart10Instance(imageId, file);
        return decodeFrame(imageId, frameOfDataSet(parsePart10(file), 1), options);
      },
      authorizationFor,
      controller.signal,
    );
    return { promise, cancelFn: () => controller.abort() };
  });
}

async function fetchDicomFile(
  imageId: string,
  authorizationFor: AuthorizationProvider,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const answer = await fetchImagingBytes(urlOfImageId(imageId), {
    accept: 'application/dicom',
    authorizationFor,
    signal,
  });
  // A buffer of its own: Cornerstone keeps the file's buffer in its metadata.
  return firstMultipartPart(answer.body, answer.contentType).body.slice();
}
