/**
 * Reads the headers of the files the user opened, off the main thread, a few at a time, and posts
 * the results back in batches (each file once; its bytes stay on disk). Served from this origin as a
 * module worker (CSP `worker-src 'self'`).
 */
import { readLocalFile, type LocalFileResult } from './read-local-file';

export interface ReadRequest {
  files: { file: File; path: string }[];
}

export type ReadMessage = { type: 'batch'; results: LocalFileResult[] } | { type: 'done' };

const PARALLEL = 8;
const BATCH = 50;

// The DOM's Worker type has the two members used here (the webworker lib would clash with the DOM's).
const scope = self as unknown as Worker;

scope.onmessage = (event: MessageEvent<ReadRequest>) => {
  void readAll(event.data.files);
};

async function readAll(files: ReadRequest['files']): Promise<void> {
  let pending: LocalFileResult[] = [];
  let next = 0;
  const flush = () => {
    if (pending.length === 0) return;
    scope.postMessage({ type: 'batch', results: pending } satisfies ReadMessage);
    pending = [];
  };
  const lane = async () => {
    while (next < files.length) {
      const index = next;
      next += 1;
      const entry = files[index];
      if (!entry) continue;
      pending.push(
        await readLocalFile(entry.file, entry.path, index).catch((cause: unknown): LocalFileResult => ({
          kind: 'skipped',
          index,
          path: entry.path,
          reason: `could not be read (${String(cause)})`,
        })),
      );
      if (pending.length >= BATCH) flush();
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  flush();
  scope.postMessage({ type: 'done' } satisfies ReadMessage);
}
