import type { SeriesKey } from '@/domain/dicomweb/series-key';
import type { DicomJsonInstance } from '@/domain/imaging/dicom-json';

/** One instance of a series opened from disk: its header as DICOM JSON and its image id per frame. */
export interface LocalInstance {
  metadata: DicomJsonInstance;
  /** One per frame, in frame order; empty for an object without pixels. */
  imageIds: string[];
}

/**
 * The series opened from the user's disk, by series key (`local-files:…`): the viewer's stack for a
 * local series is read from here instead of an image server (get-series-stack.ts). Filled by the
 * local-files feature when a folder has been read, emptied when another is opened.
 */
const series = new Map<SeriesKey, readonly LocalInstance[]>();

export const LOCAL_SERIES_PREFIX = 'local-files:';

export function isLocalSeriesKey(key: string | null): boolean {
  return key?.startsWith(LOCAL_SERIES_PREFIX) ?? false;
}

export function setLocalSeries(entries: ReadonlyMap<SeriesKey, readonly LocalInstance[]>): void {
  series.clear();
  for (const [key, instances] of entries) series.set(key, instances);
}

export function localSeriesOf(key: SeriesKey): readonly LocalInstance[] | null {
  return series.get(key) ?? null;
}
