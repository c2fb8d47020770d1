/**
 * Evaluating Cornerstone takes the main thread for hundreds of milliseconds (its chunk, then the
 * WebGL context). While a viewport's first paint is on its way (first-paint.ts: the bytes are coming,
 * drawing takes a few ms), that would hold the first image back for no gain. A hold keeps
 * `loadRendering` waiting; every hold ends by itself after HOLD_MAX_MS, so a slow network or a missed
 * release delays the renderer by that much at most. (The chunks are fetched and compiled meanwhile:
 * `prefetchRendering`.)
 */
export const HOLD_MAX_MS = 800;

let holds = 0;
let waiters: (() => void)[] = [];

/** Holds the renderer's start; call the returned function (once or more) when the first paint is settled. */
export function holdRendering(): () => void {
  holds += 1;
  let released = false;
  const timer = setTimeout(() => release(), HOLD_MAX_MS);
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    holds -= 1;
    if (holds > 0) return;
    const waiting = waiters;
    waiters = [];
    for (const resume of waiting) resume();
  };
  return release;
}

let untilFirstPaint: (() => void)[] = [];

/**
 * A hold for a page that expects a viewport to paint (the landing's prefetch, before the viewer has
 * rendered): released by the next `firstPaintSettled`, by the returned function, or by the timeout.
 */
export function holdRenderingUntilFirstPaint(): () => void {
  const release = holdRendering();
  untilFirstPaint.push(release);
  return release;
}

/** A viewport's first paint is drawn, or will not be: holds taken until then end. */
export function firstPaintSettled(): void {
  const releases = untilFirstPaint;
  untilFirstPaint = [];
  for (const release of releases) release();
}

/** Resolves when nothing holds the renderer back. */
export function whenRenderingMayStart(): Promise<void> {
  if (holds === 0) return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}
