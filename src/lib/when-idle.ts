/**
 * Runs `task` once the browser is idle, and at the latest after `timeout` ms. Safari (16 to 18 at
 * least) has no requestIdleCallback: there a plain timer of `fallbackDelay` ms stands in. Returns the
 * function that cancels the task, for an effect's cleanup.
 */
export function whenIdle(
  task: () => void,
  { timeout, fallbackDelay = timeout }: { timeout: number; fallbackDelay?: number },
): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, fallbackDelay);
  return () => clearTimeout(timer);
}
