/** Reads each file as JSON, stopping at the first that is missing or not JSON (the CLI then exits 2). */
import { readFileSync } from 'node:fs';

export type ReadJsonFilesResult = { ok: true; documents: unknown[] } | { ok: false; message: string };

export function readJsonFiles(paths: readonly string[]): ReadJsonFilesResult {
  const documents: unknown[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      return { ok: false, message: `cannot read "${path}": ${describeReadError(error)}` };
    }
    try {
      documents.push(JSON.parse(text));
    } catch (error) {
      return { ok: false, message: `"${path}" is not valid JSON (${oneLine(messageOf(error))})` };
    }
  }
  return { ok: true, documents };
}

function describeReadError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return oneLine(messageOf(error));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The contract promises one stderr line, and parser messages can span several. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
