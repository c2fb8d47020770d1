/**
 * One file from the user's disk → what grouping and the viewer need, reading as little as possible:
 * the first HEADER_BYTES (the header of almost every image; the whole file only when its header is
 * longer, or deflated), never its pixel data. Runs in the worker (read-local-files.worker.ts).
 */
import type { DataSet } from 'dicom-parser';
import type { DicomFileSummary } from '@/domain/dicom-files/dicom-file-summary';
import type { DicomJsonInstance } from '@/domain/imaging/dicom-json';
import { dicomJsonOfDataSet } from '@/lib/dicom-json-of-data-set';
import { looksLikeDicomPart10, readDicomHeader, summaryOfDataSet } from '@/lib/read-dicom-summary';

export const HEADER_BYTES = 64 * 1024;
const MEDIA_DIRECTORY_STORAGE = '1.2.840.10008.1.3.10';
const DEFLATED = '1.2.840.10008.1.2.1.99';

export type LocalFileResult =
  | { kind: 'dicom'; index: number; summary: DicomFileSummary; metadata: DicomJsonInstance }
  | { kind: 'dicomdir'; index: number; path: string; referenced: string[] }
  | { kind: 'skipped'; index: number; path: string; reason: string };

export async function readLocalFile(file: Blob, path: string, index: number): Promise<LocalFileResult> {
  const head = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
  if (!looksLikeDicomPart10(head)) return { kind: 'skipped', index, path, reason: 'not a DICOM file' };
  // The file meta says the encoding in plain text; a deflated data set needs inflating first.
  if (new TextDecoder('latin1').decode(head.subarray(0, 1024)).includes(DEFLATED)) {
    return { kind: 'skipped', index, path, reason: 'a deflated DICOM file, which this viewer cannot open' };
  }
  let dataSet: DataSet;
  try {
    dataSet = readDicomHeader(head);
  } catch (cause) {
    if (file.size <= HEADER_BYTES) return { kind: 'skipped', index, path, reason: reasonOf(cause) };
    try {
      dataSet = readDicomHeader(new Uint8Array(await file.arrayBuffer()));
    } catch (again) {
      return { kind: 'skipped', index, path, reason: reasonOf(again) };
    }
  }
  if (dataSet.string('x00020002')?.trim() === MEDIA_DIRECTORY_STORAGE) {
    const whole =
      file.size <= HEADER_BYTES ? dataSet : readDicomHeader(new Uint8Array(await file.arrayBuffer()));
    return { kind: 'dicomdir', index, path, referenced: referencedFilesOf(whole, path) };
  }
  try {
    return {
      kind: 'dicom',
      index,
      summary: summaryOfDataSet(dataSet, path),
      metadata: dicomJsonOfDataSet(dataSet),
    };
  } catch (cause) {
    return { kind: 'skipped', index, path, reason: reasonOf(cause) };
  }
}

/**
 * The files a DICOMDIR's records reference (Referenced File ID, PS3.3 F.3.2.2), as paths beside it:
 * `IMAGES\IM0001` in `disk/DICOMDIR` is `disk/IMAGES/IM0001`.
 */
export function referencedFilesOf(dataSet: DataSet, dicomdirPath: string): string[] {
  const folder = dicomdirPath.split('/').slice(0, -1).join('/');
  const records = dataSet.elements.x00041220?.items ?? [];
  return records.flatMap((record) => {
    const id = record.dataSet?.string('x00041500')?.trim();
    if (!id) return [];
    const relative = id
      .split('\\')
      .map((part) => part.trim())
      .join('/');
    return [folder ? `${folder}/${relative}` : relative];
  });
}

function reasonOf(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  return `not a readable DICOM file (${text})`;
}
