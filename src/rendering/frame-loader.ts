import { Enums, imageLoader } from '@cornerstonejs/core';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { decodeFrame } from './decode-frame';
import { takeEarlyFrame } from './early-frames';
import { fetchFrame, type FrameBytes } from './frame-request';
import { reportFetched, requestTypeOf, type LoadOptions } from './load-options';
import { interactionRequestSent } from './load-priority';
import { withRenderedFallback } from './rendered-fallback';
import { inRetrievalPool } from './retrieval-pool';

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
        retrieve(imageId, options, authorizationFor, controller.signal).then((frame) => {
          reportFetched(options);
          return decodeFrame(imageId, frame, options);
        }),
      authorizationFor,
      controller.signal,
    );
    return { promise, cancelFn: () => controller.abort() };
  });
}

/**
 * A frame fetched early (early-frames.ts, series-ahead.ts) if there is one, before and again after
 * its turn in Cornerstone's pool, else a request; a viewport's own request is counted while on the
 * wire (load-priority.ts: the prefetch waits).
 */
async function retrieve(
  imageId: string,
  options: LoadOptions,
  authorizationFor: () => AuthorizationProvider,
  signal: AbortSignal,
): Promise<FrameBytes> {
  const type = requestTypeOf(options);
  const interaction = type === Enums.RequestType.Interaction;
  // The prefetch's load may wait for a series request bringing its frame (it takes them in the order
  // they come); the image shown and a thumbnail may not (one would hold the other up).
  const early = await takeEarlyFrame(imageId, { waitForSeries: type === Enums.RequestType.Prefetch });
  if (early) return early;
  return inRetrievalPool(imageId, options, async () => {
    // A series request may have brought it while this waited for its turn (a thumbnail, most often).
    const arrived = await takeEarlyFrame(imageId);
    if (arrived) return arrived;
    const settled = interaction ? interactionRequestSent() : undefined;
    return fetchFrame(imageId, authorizationFor(), signal).finally(settled);
  });
}
