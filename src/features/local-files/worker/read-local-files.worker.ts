/**
 * Reads the headers of the files the user opened, off the main thread (read-all-local-files.ts), and
 * posts the results back. Served from this origin as a module worker (CSP `worker-src 'self'`).
 */
import { readAllLocalFiles, type ReadMessage } from './read-all-local-files';

export type { ReadMessage };

export interface ReadRequest {
  files: { file: File; path: string }[];
}

// The DOM's Worker type has the two members used here (the webworker lib would clash with the DOM's).
const scope = self as unknown as Worker;

scope.onmessage = (event: MessageEvent<ReadRequest>) => {
  void readAllLocalFiles(event.data.files, (message) => scope.postMessage(message));
};
