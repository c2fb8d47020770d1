import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { DicomInstanceSummary } from './dicom-summary.ts';
import { summarizeDicom } from './dicom-summary.ts';

export interface DicomFile {
  /** Path relative to the folder that was scanned (stable across machines, good for seeds and logs). */
  readonly name: string;
  readonly bytes: Buffer;
  readonly summary: DicomInstanceSummary;
}

export async function listFilesRecursively(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listFilesRecursively(path);
      return Promise.resolve(entry.isFile() ? [path] : []);
    }),
  );
  return nested.flat().sort();
}

/** Part 10 files start with a 128-byte preamble and "DICM". */
export function looksLikeDicom(bytes: Buffer): boolean {
  return bytes.length > 132 && bytes.toString('ascii', 128, 132) === 'DICM';
}

/** Reads every DICOM file under `dir`; files that are not DICOM or cannot be parsed are reported, not fatal. */
export async function readDicomFiles(
  dir: string,
  onSkip: (name: string, reason: string) => void,
): Promise<DicomFile[]> {
  const files: DicomFile[] = [];
  for (const path of await listFilesRecursively(dir)) {
    const name = relative(dir, path);
    const bytes = await readFile(path);
    if (!looksLikeDicom(bytes)) continue;
    try {
      files.push({ name, bytes, summary: summarizeDicom(bytes) });
    } catch (error) {
      onSkip(name, String(error));
    }
  }
  return files;
}
