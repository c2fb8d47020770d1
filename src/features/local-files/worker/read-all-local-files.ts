import { readLocalFile, type LocalFileResult } from './read-local-file';

export type ReadMessage = { type: 'batch'; results: LocalFileResult[] } | { type: 'done' };

const PARALLEL = 8;
const BATCH = 50;

/**
 * Reads every file, a few at a time, posting results in batches (fewer messages for the page to
 * handle) and then `done`. Each file's result is posted exactly once.
 */
export async function readAllLocalFiles(
  files: readonly { file: Blob; path: string }[],
  post: (message: ReadMessage) => void,
): Promise<void> {
  let pending: LocalFileResult[] = [];
  let next = 0;
  const flush = () => {
    if (pending.length === 0) return;
    post({ type: 'batch', results: pending });
    pending = [];
  };
  const lane = async () => {
    while (next < files.length) {
      const index = next;
      next += 1;
      const entry = files[index];
      if (!entry) continue;
      // Read, then push: `pending.push(await …)` would take the array before the wait, and a batch
      // posted meanwhile would take this result with it, unsent.
      const result = await readLocalFile(entry.file, entry.path, index).catch(
        (cause: unknown): LocalFileResult => ({
          kind: 'skipped',
          index,
          path: entry.path,
          reason: `could not be read (${String(cause)})`,
        }),
      );
      pending.push(result);
      if (pending.length >= BATCH) flush();
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  flush();
  post({ type: 'done' });
}
