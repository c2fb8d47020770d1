import { imageLoader } from '@cornerstonejs/core';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { decodeFrame } from './decode-frame';
import { takeEarlyFrame } from './early-frames';
import { fetchFrame, type FrameBytes } from './frame-request';
import { withRenderedFallback } from './rendered-fallback';
import { inRetrievalPool, type LoadOptions } from './retrieval-pool';

/**
 * Cornerstone's `wadors:` images, fetched through the app's imaging door instead of the loader's own
 * XMLHttpRequest: frames then get the same token policy, 401 renewal, 503 wait, timeout and errors as
 * every other imaging request. Cornerstone still schedules them (its retrieval pool, by request type
 * and priority) and decodes them (its codecs, in its workers). An image the browser cannot have or
 * decode at all is shown as the PACS renders it, marked (rendered-fallback.ts).
 */
export function registerFrameLoader(authorizationFor: () => AuthorizationProvider): void {
  imageLoader.registerImageLoader('wadors', (imageId, options: LoadOptions = {}) => {
    const controller = new AbortController();
    const promise = withRenderedFallback(
      imageId,
      () =>
        retrieve(imageId, options, authorizationFor, controller.signal).then((frame) =>
          decodeFrame(imageId, frame, options),
        ),
      authorizationFor,
      controller.signal,
    );
    return { promise, cancelFn: () => controller.abort() };
  });
}

/** A frame fetched early (see early-frames.ts) if there is one, else a request in Cornerstone's pool. */
async function retrieve(
  imageId: string,
  options: LoadOptions,
  authorizationFor: () => AuthorizationProvider,
  signal: AbortSignal,
): Promise<FrameBytes> {
  const early = await takeEarlyFrame(imageId);
  if (early) return early;
  return inRetrievalPool(imageId, options, () => fetchFrame(imageId, authorizationFor(), signal));
}
