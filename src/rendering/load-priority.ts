/**
 * Who goes first on a busy connection. A viewport waiting for its first image must not queue behind
 * thumbnails or a prefetch: those wait until no viewport is waiting (or a while, so a viewport whose
 * image never comes cannot starve them).
 */
const MAX_WAIT_MS = 2000;
let waiting = 0;
let idle: { promise: Promise<void>; resolve: () => void } | null = null;

/** A viewport starts waiting for its first image; call the returned function once it is shown (or failed). */
export function viewportAwaitsFirstImage(): () => void {
  waiting += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    waiting -= 1;
    if (waiting === 0 && idle) {
      idle.resolve();
      idle = null;
    }
  };
}

/** Resolves when no viewport is waiting for its first image, or after MAX_WAIT_MS at most. */
export function whenViewportsIdle(): Promise<void> {
  if (waiting === 0) return Promise.resolve();
  if (!idle) {
    let resolve: () => void = () => undefined;
    const promise = new Promise<void>((done) => {
      resolve = done;
    });
    idle = { promise, resolve };
  }
  return Promise.race([idle.promise, new Promise<void>((done) => setTimeout(done, MAX_WAIT_MS))]);
}
