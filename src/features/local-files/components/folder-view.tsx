import { UntrustedText } from '@/components/ui/untrusted-text';
import type { FolderLayout } from '@/domain/dicom-files/folder-layout';
import type { DicomStudyGroup } from '@/domain/dicom-files/group-dicom-files';

/**
 * The folders as they are on disk beside the DICOM hierarchy the files' tags describe, and every
 * place the two disagree (a folder of several studies, a series over several folders, SPARC
 * subjects and samples that are not studies and series).
 */
export function FolderView({ layout, groups }: { layout: FolderLayout; groups: readonly DicomStudyGroup[] }) {
  const studyNumber = new Map(groups.map((group, index) => [group.uid, index + 1]));
  return (
    <section className="space-y-3" data-testid="folder-view" aria-label="Folders and DICOM hierarchy">
      {layout.disagreements.length > 0 ? (
        <div className="rounded border border-amber-600 bg-amber-950/40 p-3 text-sm text-amber-200">
          <p className="font-semibold">The folders do not match the DICOM hierarchy:</p>
          <ul className="list-disc pl-6" data-testid="folder-disagreements">
            {layout.disagreements.map((sentence) => (
              <li key={sentence} className="[overflow-wrap:anywhere]">
                <UntrustedText text={sentence} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-slate-400" data-testid="folder-agreement">
          Each folder holds one study, and no series is spread over folders.
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-300">Folders on disk</h3>
          <ul className="space-y-1 text-sm" data-testid="folder-tree">
            {layout.folders.map((folder) => (
              <li
                key={folder.path}
                className="font-mono [overflow-wrap:anywhere]"
                data-testid="folder-tree-item"
              >
                <span style={{ paddingLeft: `${depthOf(folder.path)}rem` }}>
                  <UntrustedText text={folder.path === '.' ? '(top folder)' : `${folder.path}/`} />
                </span>{' '}
                <span className="font-sans text-slate-400">
                  {folder.files} file{folder.files === 1 ? '' : 's'} · study{' '}
                  {folder.studies.map((uid) => studyNumber.get(uid) ?? '?').join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-300">
            DICOM hierarchy (from the files’ tags)
          </h3>
          <ul className="space-y-1 text-sm" data-testid="dicom-tree">
            {groups.map((group, index) => (
              <li key={group.uid}>
                <span className="font-semibold">Study {index + 1}</span>{' '}
                <UntrustedText className="font-mono text-xs text-slate-400" text={group.uid} />
                <ul className="pl-4">
                  {group.series.map((series) => (
                    <li key={series.uid} className="[overflow-wrap:anywhere]">
                      Series {series.instances[0]?.seriesNumber ?? '—'}{' '}
                      <UntrustedText text={series.instances[0]?.seriesDescription ?? null} fallback="" /> (
                      {series.instances.length} file{series.instances.length === 1 ? '' : 's'} in{' '}
                      {layout.series.find((item) => item.uid === series.uid)?.folders.join(', ') ?? '—'})
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

function depthOf(path: string): number {
  return path === '.' ? 0 : path.split('/').length - 1;
}
