import { useCallback, useEffect, useRef, useState } from 'react';
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import { dicomNumber, DicomTag } from '@/domain/imaging/dicom-json';
import { setLocalSeries, type LocalInstance } from '@/lib/local-series';
import { addLocalFile, localFrameImageId, removeLocalFiles } from '@/rendering/local-file-loader';
import { openedFolderOf, type OpenedFolder, type OpenedInstance } from './model/opened-folder';
import type { LocalFileResult } from './worker/read-local-file';
import type { ReadMessage, ReadRequest } from './worker/read-local-files.worker';

export interface PickedFile {
  file: File;
  /** Relative to what was opened ("folder/sub/IM0001"). */
  path: string;
}

export type LocalFilesState =
  | { status: 'idle' }
  | { status: 'reading'; read: number; total: number }
  | { status: 'done'; folder: OpenedFolder }
  | { status: 'error'; message: string };

let openings = 0;

/**
 * Opens files from disk: their headers are read in a worker, grouped by UID, and registered with the
 * viewer (the series' stacks, each file's image ids). Opening again forgets the previous files.
 */
export function useLocalFiles() {
  const [state, setState] = useState<LocalFilesState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  const fileIds = useRef<string[]>([]);

  const forget = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    removeLocalFiles(fileIds.current);
    fileIds.current = [];
  }, []);
  useEffect(() => forget, [forget]);

  const open = useCallback(
    (picked: readonly PickedFile[]) => {
      forget();
      setLocalSeries(new Map());
      if (picked.length === 0) return;
      const opening = (openings += 1);
      const results: LocalFileResult[] = [];
      setState({ status: 'reading', read: 0, total: picked.length });
      const reader = new Worker(new URL('./worker/read-local-files.worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.current = reader;
      reader.onerror = (event) => {
        forget();
        setState({ status: 'error', message: `The files could not be read: ${event.message}` });
      };
      reader.onmessage = (event: MessageEvent<ReadMessage>) => {
        if (event.data.type === 'batch') {
          results.push(...event.data.results);
          setState({ status: 'reading', read: results.length, total: picked.length });
          return;
        }
        reader.terminate();
        worker.current = null;
        results.sort((a, b) => a.index - b.index);
        const { folder, instances } = openedFolderOf(results, picked.length, opening);
        setLocalSeries(registerFiles(instances, picked, fileIds.current));
        setState({ status: 'done', folder });
      };
      reader.postMessage({ files: [...picked] } satisfies ReadRequest);
    },
    [forget],
  );

  return { state, open };
}

/** Each instance's file handed to the image loader (a handle, not its bytes), one image id per frame. */
function registerFiles(
  instances: ReadonlyMap<SeriesKey, readonly OpenedInstance[]>,
  picked: readonly PickedFile[],
  registered: string[],
): Map<SeriesKey, LocalInstance[]> {
  const series = new Map<SeriesKey, LocalInstance[]>();
  for (const [key, items] of instances) {
    series.set(
      key,
      items.flatMap(({ index, metadata }) => {
        const file = picked[index]?.file;
        if (!file) return [];
        const id = addLocalFile(file);
        registered.push(id);
        const frames = Math.max(1, dicomNumber(metadata, DicomTag.NumberOfFrames) ?? 1);
        return [
          { metadata, imageIds: Array.from({ length: frames }, (_, i) => localFrameImageId(id, i + 1)) },
        ];
      }),
    );
  }
  return series;
}
