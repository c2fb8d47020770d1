/**
 * What was read from the files the user opened: the studies (the viewer's model), the folder layout
 * beside them, and everything that was not used and why: files that are not DICOM, duplicates, files
 * a DICOMDIR lists that are missing and DICOM files it does not list.
 */
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import type { DicomFileSummary } from '@/domain/dicom-files/dicom-file-summary';
import { describeFolderLayout, type FolderLayout } from '@/domain/dicom-files/folder-layout';
import { groupDicomFiles, type DicomStudyGroup } from '@/domain/dicom-files/group-dicom-files';
import type { Study } from '@/domain/fhir/study';
import type { DicomJsonInstance } from '@/domain/imaging/dicom-json';
import type { LocalFileResult } from '../worker/read-local-file';
import { localSeriesKeyOf, localStudyOf } from './local-study';

export interface DicomdirReport {
  path: string;
  /** How many files its records reference. */
  referenced: number;
  /** Referenced files that were not among those opened. */
  missing: string[];
}

export interface OpenedFolder {
  opening: number;
  /** Files opened (DICOM or not). */
  total: number;
  groups: DicomStudyGroup[];
  studies: Study[];
  layout: FolderLayout;
  skipped: { path: string; reason: string }[];
  duplicates: string[];
  dicomdirs: DicomdirReport[];
  /** DICOM files no DICOMDIR lists, when one was opened. */
  unlisted: string[];
}

/** A file's position in what was opened, with what its header says: the viewer's instance. */
export interface OpenedInstance {
  index: number;
  summary: DicomFileSummary;
  metadata: DicomJsonInstance;
}

export function openedFolderOf(
  results: readonly LocalFileResult[],
  total: number,
  opening: number,
): { folder: OpenedFolder; instances: Map<SeriesKey, OpenedInstance[]> } {
  const dicom = results.flatMap((result) => (result.kind === 'dicom' ? [result] : []));
  const byPath = new Map(dicom.map((result) => [result.summary.path, result]));
  const grouping = groupDicomFiles(dicom.map((result) => result.summary));
  const opened = new Set(results.map(pathOf).map(normalize));
  const listed = new Set<string>();
  const dicomdirs = results.flatMap((result) => {
    if (result.kind !== 'dicomdir') return [];
    for (const path of result.referenced) listed.add(normalize(path));
    const missing = result.referenced.filter((path) => !opened.has(normalize(path)));
    return [{ path: result.path, referenced: result.referenced.length, missing }];
  });
  const instances = new Map<SeriesKey, OpenedInstance[]>();
  for (const study of grouping.studies) {
    for (const series of study.series) {
      instances.set(
        localSeriesKeyOf(opening, series.uid),
        series.instances.flatMap((summary) => {
          const result = byPath.get(summary.path);
          return result ? [{ index: result.index, summary, metadata: result.metadata }] : [];
        }),
      );
    }
  }
  return {
    folder: {
      opening,
      total,
      groups: grouping.studies,
      studies: grouping.studies.map((group) => localStudyOf(group, opening)),
      layout: describeFolderLayout(dicom.map((result) => result.summary)),
      skipped: results.flatMap((result) =>
        result.kind === 'skipped' ? [{ path: result.path, reason: result.reason }] : [],
      ),
      duplicates: grouping.duplicates,
      dicomdirs,
      unlisted:
        dicomdirs.length > 0
          ? dicom.map((result) => result.summary.path).filter((path) => !listed.has(normalize(path)))
          : [],
    },
    instances,
  };
}

function pathOf(result: LocalFileResult): string {
  return result.kind === 'dicom' ? result.summary.path : result.path;
}

/** DICOMDIR file IDs are upper case (PS3.10 8.2): compare paths without case. */
function normalize(path: string): string {
  return path.toUpperCase();
}
