/**
 * Files → studies → series → instances, by their UIDs, in a stable order: studies by Study Instance
 * UID, series by Series Number then UID, instances by Instance Number then UID. Two files with one
 * SOP Instance UID are one instance (the first is kept, the others counted as duplicates).
 */
import type { DicomFileSummary } from './dicom-file-summary';

export interface DicomSeriesGroup {
  uid: string;
  instances: DicomFileSummary[];
}

export interface DicomStudyGroup {
  uid: string;
  series: DicomSeriesGroup[];
}

export interface DicomFileGrouping {
  studies: DicomStudyGroup[];
  /** Paths of files whose SOP Instance UID an earlier file already had. */
  duplicates: string[];
}

export function groupDicomFiles(files: readonly DicomFileSummary[]): DicomFileGrouping {
  const studies = new Map<string, Map<string, Map<string, DicomFileSummary>>>();
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const file of files) {
    if (seen.has(file.sopInstanceUid)) {
      duplicates.push(file.path);
      continue;
    }
    seen.add(file.sopInstanceUid);
    const series = studies.get(file.studyInstanceUid) ?? new Map<string, Map<string, DicomFileSummary>>();
    studies.set(file.studyInstanceUid, series);
    const instances = series.get(file.seriesInstanceUid) ?? new Map<string, DicomFileSummary>();
    series.set(file.seriesInstanceUid, instances);
    instances.set(file.sopInstanceUid, file);
  }
  return {
    studies: [...studies.entries()]
      .map(([uid, series]) => ({
        uid,
        series: [...series.entries()]
          .map(([seriesUid, instances]) => ({
            uid: seriesUid,
            instances: [...instances.values()].sort(
              byNumberThenUid(
                (item) => item.instanceNumber,
                (item) => item.sopInstanceUid,
              ),
            ),
          }))
          .sort(
            byNumberThenUid(
              (item) => item.instances[0]?.seriesNumber ?? null,
              (item) => item.uid,
            ),
          ),
      }))
      .sort((a, b) => compareUids(a.uid, b.uid)),
    duplicates,
  };
}

function byNumberThenUid<T>(numberOf: (item: T) => number | null, uidOf: (item: T) => string) {
  return (a: T, b: T) =>
    (numberOf(a) ?? Number.MAX_SAFE_INTEGER) - (numberOf(b) ?? Number.MAX_SAFE_INTEGER) ||
    compareUids(uidOf(a), uidOf(b));
}

/** UIDs compared component by component as numbers ("1.2.10" after "1.2.9"). */
export function compareUids(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const difference = x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
