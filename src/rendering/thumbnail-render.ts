import { Enums, imageLoader, utilities } from '@cornerstonejs/core';
import PQueue from 'p-queue';

/**
 * Thumbnails are drawn one at a time, each in a task of its own. Cornerstone's `loadImageToCanvas`
 * draws through an offscreen WebGL viewport and copies it out; renders started together are drawn in
 * one animation frame, so a panel of ten thumbnails made one main-thread task of 400 ms on software
 * GL, during which nothing answered. One at a time also keeps two renders of one image id apart: the
 * first to finish disables the offscreen viewport named after it, and the second then waited forever
 * (the list's preview of a study and the viewer's thumbnail of its first series, say).
 */
const renders = new PQueue({ concurrency: 1 });

export async function renderThumbnail(
  canvas: HTMLCanvasElement,
  imageId: string,
  isCancelled: () => boolean,
) {
  // Fetched and decoded outside the queue (Cornerstone's pool runs several at once); only drawing waits.
  await imageLoader.loadAndCacheImage(imageId, { priority: -5, requestType: Enums.RequestType.Thumbnail });
  return renders.add(async () => {
    // A thumbnail scrolled away while it waited is not drawn.
    if (isCancelled()) return;
    await utilities.loadImageToCanvas({ canvas, imageId, thumbnail: true });
    // Yield before the next one, so input and the viewports' frames get their turn between renders.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
