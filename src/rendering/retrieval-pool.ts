import { Enums, imageRetrievalPoolManager } from '@cornerstonejs/core';

/** What Cornerstone passes a loader: decode options for `createImage`, scheduling hints for the pool. */
export type LoadOptions = Record<string, unknown>;

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
      isRequestType(options.requestType) ? options.requestType : Enums.RequestType.Interaction,
      { imageId },
      typeof options.priority === 'number' ? options.priority : 5,
    );
  });
}

function isRequestType(value: unknown): value is Enums.RequestType {
  return Object.values<unknown>(Enums.RequestType).includes(value);
}
