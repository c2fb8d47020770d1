import { imageRetrievalPoolManager } from '@cornerstonejs/core';
import { requestTypeOf, type LoadOptions } from './load-options';

/**
 * Runs a request in Cornerstone's retrieval pool (by request type and priority, as its own loaders
 * do), so the app's requests are scheduled like Cornerstone's: the image on screen before prefetch.
 */
export function inRetrievalPool<T>(
  imageId: string,
  options: LoadOptions,
  request: () => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    imageRetrievalPoolManager.addRequest(
      () => {
        const pending = request();
        pending.then(resolve, reject);
        // The pool counts the request as running until this settles.
        return pending.then(
          () => undefined,
          () => undefined,
        );
      },
      requestTypeOf(options),
      { imageId },
      typeof options.priority === 'number' ? options.priority : 5,
    );
  });
}
