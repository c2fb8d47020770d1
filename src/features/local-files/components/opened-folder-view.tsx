import { IdentityText, UntrustedText } from '@/components/ui/untrusted-text';
import type { Study } from '@/domain/fhir/study';
import { formatStudyStarted } from '@/lib/format-fhir-date';
import { studyNamesAnotherPatient } from '../model/files-patient';
import { patientOfFiles } from '../model/local-study';
import type { OpenedFolder } from '../model/opened-folder';
import { saveAsFhir } from '../save-as-fhir';
import { FolderView } from './folder-view';
import type { LocalFilesContext } from './local-files-screen';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What was found in the opened files: the studies to view, what was skipped and why, the folders. */
export function OpenedFolderView({
  folder,
  context,
  onOpenStudy,
}: {
  folder: OpenedFolder;
  context: LocalFilesContext | null;
  onOpenStudy: (study: Study) => void;
}) {
  const dicomFiles = folder.groups.reduce(
    (sum, group) => sum + group.series.reduce((count, series) => count + series.instances.length, 0),
    0,
  );
  const otherPatient = new Set(
    context
      ? folder.groups.flatMap((group) =>
          studyNamesAnotherPatient(group, context.patient) ? [group.uid] : [],
        )
      : [],
  );
  // Inside a session the Bundle's subject is the patient in context: studies naming someone else stay out.
  const savable = folder.groups.filter((group) => !otherPatient.has(group.uid));
  return (
    <div className="space-y-4">
      <p data-testid="local-files-summary">
        {plural(dicomFiles, 'DICOM file')} in {plural(folder.studies.length, 'study', 'studies')}
        {folder.skipped.length > 0 && <>; {plural(folder.skipped.length, 'file')} skipped (not DICOM)</>}
        {folder.duplicates.length > 0 && <>; {plural(folder.duplicates.length, 'duplicate')} ignored</>}.
      </p>
      {folder.dicomdirs.map((dicomdir) => (
        <p key={dicomdir.path} className="text-sm text-slate-300" data-testid="local-files-dicomdir">
          DICOMDIR <UntrustedText text={dicomdir.path} /> lists {plural(dicomdir.referenced, 'file')}
          {dicomdir.missing.length > 0 ? (
            <span className="text-amber-300">
              ; {dicomdir.missing.length} of them were not among the opened files
            </span>
          ) : (
            ', all opened'
          )}
          {folder.unlisted.length > 0 && (
            <>; {plural(folder.unlisted.length, 'DICOM file')} it does not list</>
          )}
          .
        </p>
      ))}
      {folder.skipped.length > 0 && (
        <details className="text-sm text-slate-400" data-testid="local-files-skipped">
          <summary className="cursor-pointer">Skipped files</summary>
          <ul className="list-disc pl-6">
            {folder.skipped.map((file) => (
              <li key={file.path} className="[overflow-wrap:anywhere]">
                <UntrustedText text={file.path} />: {file.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <ul className="space-y-2" data-testid="local-study-list">
        {folder.studies.map((study, index) => {
          const first = folder.groups[index]?.series[0]?.instances[0];
          const mismatch = folder.groups[index] ? otherPatient.has(folder.groups[index].uid) : false;
          return (
            <li
              key={study.key}
              className="rounded border border-slate-700 p-3"
              data-testid="local-study"
              data-study-uid={study.studyInstanceUid ?? undefined}
            >
              <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <button
                  type="button"
                  className="rounded bg-sky-700 px-3 py-1 text-sm text-white hover:bg-sky-600"
                  onClick={() => onOpenStudy(study)}
                >
                  View
                </button>
                <span className="font-semibold">
                  <UntrustedText text={study.description} fallback="Imaging study" />
                </span>
                <span className="text-slate-400">{formatStudyStarted(study)}</span>
                <span className="text-slate-400">{study.modalities.join(', ')}</span>
                <span className="text-slate-400">
                  {plural(study.numberOfSeries, 'series', 'series')},{' '}
                  {plural(study.numberOfInstances, 'file')}
                </span>
                <span className="text-sm">
                  Patient in the files: <IdentityText text={patientOfFiles(first).name} fallback="none" /> (ID{' '}
                  <IdentityText text={first?.patientId ?? null} fallback="none" />)
                </span>
              </div>
              {mismatch && context && (
                <p
                  role="alert"
                  data-testid="local-study-patient-mismatch"
                  className="mt-2 rounded border-2 border-red-500 bg-red-950 px-2 py-1 font-semibold text-red-100"
                >
                  ⚠ Patient mismatch: these files name a different patient than{' '}
                  <IdentityText text={context.patient.name} fallback="the patient in context" />. They are not
                  added to “Save as FHIR”.
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {folder.groups.length > 0 && (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className="rounded border border-slate-500 px-3 py-1 text-sm hover:border-slate-300 disabled:opacity-50"
            disabled={savable.length === 0}
            data-testid="save-as-fhir"
            onClick={() =>
              saveAsFhir(savable, {
                subject: context?.subject ?? null,
                encounter: context?.encounter ?? null,
              })
            }
          >
            Save as FHIR
          </button>
          <span className="text-sm text-slate-400">
            {savable.length === 0
              ? 'No study of the patient in context to describe.'
              : `Downloads an R4 Bundle of ${plural(savable.length, 'ImagingStudy', 'ImagingStudy resources')}${
                  context ? ' for the patient in context' : ' and the patient the files name'
                }; nothing is sent to the EHR.`}
          </span>
        </div>
      )}
      {folder.groups.length > 0 && <FolderView layout={folder.layout} groups={folder.groups} />}
    </div>
  );
}
