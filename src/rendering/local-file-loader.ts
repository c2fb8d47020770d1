import { imageLoader } from '@cornerstonejs/core';
import { utilities as metadataUtilities } from '@cornerstonejs/metadata';
import type dicomParser from 'dicom-parser';
import { decodeFrame } from './decode-frame';
import type { LoadOptions } from './load-options';
import { inRetrievalPool } from './retrieval-pool';
import { frameOfDataSet, parsePart10 } from './instance-frame';

/**
 * Images of files opened from the user's disk (`dicomfile:<n>?frame=<f>`). The page keeps only the
 * `File` handles; a file's bytes are read when one of its frames is first shown, then decoded exactly
 * like a PACS frame (decode-frame.ts: the same codecs, modality values and lossy marker). Nothing is
 * sent anywhere. Cornerstone's own `dicomfile` loader (its wadouri file manager) is replaced so local
 * and PACS images share one decode path and one metadata registration.
 */
const SCHEME = 'dicomfile';
const files = new Map<string, Blob>();
let nextFile = 0;
/** A multi-frame file serves all its frames; a few parsed files are enough for scrolling. */
const KEPT_FILES = 4;
const parsed = new Map<string, Promise<{ bytes: Uint8Array; dataSet: dicomParser.DataSet }>>();

/** Registers a file and returns its id (`dicomfile:<n>`); frames are `localFrameImageId(id, f)`. */
export function addLocalFile(file: Blob): string {
  const id = `${SCHEME}:${nextFile}`;
  nextFile += 1;
  files.set(id, file);
  return id;
}

export function localFrameImageId(fileId: string, frame: number): string {
  return `${fileId}?frame=${frame}`;
}

/** Forgets files (a new folder opened): their handles, and any bytes read from them. */
export function removeLocalFiles(fileIds: Iterable<string>): void {
  for (const id of fileIds) {
    files.delete(id);
    parsed.delete(id);
  }
}

export function registerLocalFileLoader(): void {
  imageLoader.registerImageLoader(SCHEME, (imageId, options: LoadOptions = {}) => {
    const promise = inRetrievalPool(imageId, options, async () => {
      const [fileId = '', query = ''] = imageId.split('?');
      const frame = Number(new URLSearchParams(query).get('frame') ?? '1');
      const { bytes, dataSet } = await readFile(fileId);
      await metadataUtilities.addDicomPart10Instance(imageId, bytes);
      return decodeFrame(imageId, frameOfDataSet(dataSet, frame), options);
    });
    return { promise };
  });
}

function readFile(fileId: string) {
  let entry = parsed.get(fileId);
  if (!entry) {
    const file = files.get(fileId);
    if (!file) throw new Error('This file is no longer open: open the folder again.');
    entry = file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      return { bytes, dataSet: parsePart10(bytes) };
    });
    parsed.set(fileId, entry);
    entry.catch(() => parsed.delete(fileId));
    while (parsed.size > KEPT_FILES) {
      const oldest = parsed.keys().next().value;
      if (oldest === undefined) break;
      parsed.delete(oldest);
    }
  }
  return entry;
}
