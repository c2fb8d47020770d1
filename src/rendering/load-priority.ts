/**
 * Who goes first on a busy connection. Background work waits while something a user is looking at
 * waits, or a while at most (MAX_WAIT_MS), so that something that never comes cannot starve it.
 */
const MAX_WAIT_MS = 2000;

interface Waiting {
  /** One more waits; call the returned function (once or more) when it no longer does. */
  readonly begin: () => () => void;
  /** Resolves when nothing waits, or after MAX_WAIT_MS at most. */
  readonly whenIdle: () => Promise<void>;
}

function waitingCounter(maxWaitMs = MAX_WAIT_MS): Waiting {
  let count = 0;
  let idle: { promise: Promise<void>; resolve: () => void } | null = null;
  return {
    begin: () => {
      count += 1;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        count -= 1;
        if (count === 0 && idle) {
          idle.resolve();
          idle = null;
        }
      };
    },
    whenIdle: () => {
      if (count === 0) return Promise.resolve();
      if (!idle) {
        let resolve: () => void = () => undefined;
        const promise = new Promise<void>((done) => {
          resolve = done;
        });
        idle = { promise, resolve };
      }
      return Promise.race([idle.promise, new Promise<void>((done) => setTimeout(done, maxWaitMs))]);
    },
  };
}

/**
 * Viewports waiting for their first image: thumbnails wait until none does (a viewport must not
 * queue behind thumbnails).
 */
const firstImages = waitingCounter();
export const viewportAwaitsFirstImage = firstImages.begin;
export const whenViewportsIdle = firstImages.whenIdle;

/** How long the series' metadata waits for the first image's own requests, at most. */
export const FIRST_IMAGE_WAIT_MS = 500;

/**
 * The first image's own requests, sent by the landing before any screen exists (its frame and its
 * instance's metadata, prefetch-landing.ts): the series' metadata waits until they are in, so that
 * the server (which builds a CT's series metadata from hundreds of files) answers them first. The
 * first paint needs only them; the renderer, which needs the series, starts after it anyway.
 */
const firstImageRequests = waitingCounter(FIRST_IMAGE_WAIT_MS);
export const firstImageRequestsSent = firstImageRequests.begin;
export const whenFirstImageRequestsIn = firstImageRequests.whenIdle;

/**
 * Requests a viewport has on the wire for an image it waits to show (the user scrolled to it): the
 * series prefetch sends nothing new meanwhile, so that request never waits behind prefetch requests
 * for one of the browser's connections to the server.
 */
const interactionRequests = waitingCounter();
const interactionListeners = new Set<() => void>();
export const whenNoInteractionRequest = interactionRequests.whenIdle;

/** A viewport's image request goes on the wire; call the returned function when it settles. */
export function interactionRequestSent(): () => void {
  for (const listener of [...interactionListeners]) listener();
  return interactionRequests.begin();
}

/** Calls `listener` whenever a viewport's image request goes on the wire; returns the unsubscribe. */
export function onInteractionRequest(listener: () => void): () => void {
  interactionListeners.add(listener);
  return () => interactionListeners.delete(listener);
}
