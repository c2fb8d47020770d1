/**
 * At most `limit` tasks at once; the rest wait in arrival order. A waiting task whose signal aborts
 * leaves the queue without ever running: a row that scrolled away costs nothing.
 */
export function createConcurrencyLimit(limit: number) {
  let running = 0;
  const waiting: { start: () => void; signal: AbortSignal | undefined }[] = [];

  const next = (): void => {
    while (running < limit && waiting.length > 0) {
      const task = waiting.shift();
      if (task && !task.signal?.aborted) task.start();
    }
  };

  return function run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const abort = () => {
        const index = waiting.findIndex((item) => item.start === start);
        if (index >= 0) waiting.splice(index, 1);
        reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      };
      const start = () => {
        signal?.removeEventListener('abort', abort);
        running += 1;
        task()
          .then(resolve, reject)
          .finally(() => {
            running -= 1;
            next();
          });
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      waiting.push({ start, signal });
      next();
    });
  };
}
