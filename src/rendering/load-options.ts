import { Enums } from '@cornerstonejs/core';

/** What Cornerstone passes a loader: decode options for `createImage`, scheduling hints for the pool. */
export type LoadOptions = Record<string, unknown>;

/** The option under which a caller asks to be told when the frame's bytes are in (`prefetchOptions`). */
const ON_FETCHED = 'onFrameFetched';

/**
 * Load options for a prefetch that wants to know when the frame's bytes have arrived, before their
 * decode: the connection is free again then, and the next request can go out while this one decodes.
 */
export function prefetchOptions(onFetched: () => void): {
  priority: number;
  requestType: Enums.RequestType;
  [ON_FETCHED]: () => void;
} {
  return { priority: 0, requestType: Enums.RequestType.Prefetch, [ON_FETCHED]: onFetched };
}

/** Tells the caller of these options (if it asked) that the bytes are in. */
export function reportFetched(options: LoadOptions): void {
  const onFetched = options[ON_FETCHED];
  if (typeof onFetched === 'function') (onFetched as () => void)();
}

/** The options as the decoder gets them: posted to a worker, so without the callback. */
export function decodeOptionsOf(options: LoadOptions): LoadOptions {
  return Object.fromEntries(Object.entries(options).filter(([name]) => name !== ON_FETCHED));
}

/** The request type the options name; Cornerstone's viewports load as Interaction. */
export function requestTypeOf(options: LoadOptions): Enums.RequestType {
  const type = options.requestType;
  return Object.values<unknown>(Enums.RequestType).includes(type)
    ? (type as Enums.RequestType)
    : Enums.RequestType.Interaction;
}
