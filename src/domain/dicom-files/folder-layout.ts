/**
 * The folders beside the DICOM hierarchy, and where they disagree: a study lives in the tags, not in
 * the folders, so one folder may hold several studies, one series may be spread over folders, and a
 * SPARC-style `sub-*` / `sam-*` layout need not match studies and series.
 */
import type { DicomFileSummary } from './dicom-file-summary';

export interface FolderLayout {
  folders: { path: string; files: number; studies: string[]; series: string[] }[];
  studies: { uid: string; folders: string[] }[];
  series: { uid: string; study: string; folders: string[] }[];
  /** Sentences for the screen and the CLI, one per disagreement. */
  disagreements: string[];
}

export function describeFolderLayout(files: readonly DicomFileSummary[]): FolderLayout {
  const folders = new Map<string, { files: number; studies: Set<string>; series: Set<string> }>();
  const studies = new Map<string, Set<string>>();
  const series = new Map<string, { study: string; folders: Set<string> }>();
  for (const file of files) {
    const folder = folderOf(file.path);
    const entry = folders.get(folder) ?? { files: 0, studies: new Set<string>(), series: new Set<string>() };
    entry.files += 1;
    entry.studies.add(file.studyInstanceUid);
    entry.series.add(file.seriesInstanceUid);
    folders.set(folder, entry);
    studies.set(file.studyInstanceUid, (studies.get(file.studyInstanceUid) ?? new Set<string>()).add(folder));
    const inSeries = series.get(file.seriesInstanceUid) ?? {
      study: file.studyInstanceUid,
      folders: new Set<string>(),
    };
    inSeries.folders.add(folder);
    series.set(file.seriesInstanceUid, inSeries);
  }
  const sorted = (values: Iterable<string>) => [...values].sort();
  const layout: FolderLayout = {
    folders: sorted(folders.keys()).map((path) => {
      const entry = folders.get(path);
      return {
        path,
        files: entry?.files ?? 0,
        studies: sorted(entry?.studies ?? []),
        series: sorted(entry?.series ?? []),
      };
    }),
    studies: sorted(studies.keys()).map((uid) => ({ uid, folders: sorted(studies.get(uid) ?? []) })),
    series: sorted(series.keys()).map((uid) => ({
      uid,
      study: series.get(uid)?.study ?? '',
      folders: sorted(series.get(uid)?.folders ?? []),
    })),
    disagreements: [],
  };
  layout.disagreements = disagreementsOf(layout);
  return layout;
}

function disagreementsOf(layout: FolderLayout): string[] {
  const found: string[] = [];
  for (const folder of layout.folders) {
    if (folder.studies.length > 1) {
      found.push(`Folder "${folder.path}" holds ${folder.studies.length} studies.`);
    }
  }
  for (const item of layout.series) {
    if (item.folders.length > 1) {
      found.push(
        `Series ${item.uid} is spread over ${item.folders.length} folders: ${item.folders.join(', ')}.`,
      );
    }
  }
  // SPARC datasets: sub-* is a subject, sam-* a sample; DICOM knows studies and series, not those.
  const subjects = sparcMismatch(layout, 'sub', (folder) => folder.studies, 'study', 'studies');
  if (subjects) found.push(`Subject folders (sub-*) are not studies: ${subjects}.`);
  const samples = sparcMismatch(layout, 'sam', (folder) => folder.series, 'series', 'series');
  if (samples) found.push(`Sample folders (sam-*) are not series: ${samples}.`);
  return found;
}

function folderOf(path: string): string {
  const parts = path.split(/[\\/]/);
  parts.pop();
  return parts.join('/') || '.';
}

/**
 * Where SPARC folders and DICOM units do not map one to one: a folder that holds several units, a
 * unit spread over several folders. Null when they match (or there are no such folders).
 */
function sparcMismatch(
  layout: FolderLayout,
  prefix: 'sub' | 'sam',
  unitsOf: (folder: FolderLayout['folders'][number]) => readonly string[],
  one: string,
  many: string,
): string | null {
  const unitsByFolder = new Map<string, Set<string>>();
  const foldersByUnit = new Map<string, Set<string>>();
  for (const folder of layout.folders) {
    for (const part of sparcPart(folder.path, prefix)) {
      for (const unit of unitsOf(folder)) {
        unitsByFolder.set(part, (unitsByFolder.get(part) ?? new Set<string>()).add(unit));
        foldersByUnit.set(unit, (foldersByUnit.get(unit) ?? new Set<string>()).add(part));
      }
    }
  }
  const crowded = [...unitsByFolder].filter(([, units]) => units.size > 1);
  const spread = [...foldersByUnit].filter(([, folders]) => folders.size > 1);
  const parts = [
    ...crowded.map(([folder, units]) => `"${folder}" holds ${units.size} ${many}`),
    ...spread.map(([unit, folders]) => `${one} ${unit} spans ${folders.size} of them`),
  ];
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The folder path up to its `sub-*` (or `sam-*`) part: sample 1 of two subjects is two samples. */
function sparcPart(path: string, prefix: 'sub' | 'sam'): string[] {
  const parts = path.split('/');
  const at = parts.findIndex((part) => part.startsWith(`${prefix}-`));
  return at < 0 ? [] : [parts.slice(0, at + 1).join('/')];
}
