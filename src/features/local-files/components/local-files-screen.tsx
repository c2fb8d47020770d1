import { useState, type ReactNode } from 'react';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { Study } from '@/domain/fhir/study';
import { patientOfFiles } from '../model/local-study';
import { useLocalFiles } from '../use-local-files';
import { OpenFilesInput } from './open-files-input';
import { OpenedFolderView } from './opened-folder-view';

/** The patient and encounter of the launch, when the files are opened inside a session. */
export interface LocalFilesContext {
  patient: PatientIdentity;
  /** `Patient/<id>`: the subject of what "Save as FHIR" writes. */
  subject: string;
  /** `Encounter/<id>` of the launch, when it has one. */
  encounter: string | null;
}

interface LocalFilesScreenProps {
  context: LocalFilesContext | null;
  /** The viewer for one study (composed by the app: features do not import each other). */
  renderStudy: (study: Study, patient: PatientIdentity) => ReactNode;
  /** Where "back" goes from the file list: the study list in a session, the start page without. */
  backLink: ReactNode;
}

/**
 * DICOM files from disk: opened, read in a worker, grouped by their UIDs, shown in the viewer, and
 * described in FHIR on request. Nothing leaves the browser.
 */
export function LocalFilesScreen({ context, renderStudy, backLink }: LocalFilesScreenProps) {
  const { state, open } = useLocalFiles();
  const [shownKey, setShownKey] = useState<string | null>(null);
  const folder = state.status === 'done' ? state.folder : null;
  const shownIndex = folder?.studies.findIndex((study) => study.key === shownKey) ?? -1;
  const shown = folder?.studies[shownIndex];
  const group = folder?.groups[shownIndex];

  if (shown && group) {
    // Inside a session the files are checked against the chart; outside, against the study's first file.
    const patient = context?.patient ?? patientOfFiles(group.series[0]?.instances[0]);
    return (
      <div className="flex h-full min-h-0 flex-col">
        <div className="flex items-center gap-3 border-b border-slate-800 px-4 py-1 text-sm">
          <button
            type="button"
            className="text-sky-300 hover:text-sky-200"
            onClick={() => setShownKey(null)}
            data-testid="local-files-back"
          >
            ← Back to the opened files
          </button>
          <span className="text-slate-400" data-testid="local-study-source">
            Opened from this computer{context ? '' : ' — patient as named in the files, not from a chart'}
          </span>
        </div>
        <div className="min-h-0 flex-1">{renderStudy(shown, patient)}</div>
      </div>
    );
  }

  return (
    <div className="h-full overflow-y-auto p-6">
      <div className="mx-auto max-w-5xl space-y-4">
        <div className="flex items-baseline gap-4">
          <h1 className="text-xl font-semibold">DICOM files on this computer</h1>
          {backLink}
        </div>
        <OpenFilesInput
          busy={state.status === 'reading'}
          onOpen={(files) => {
            setShownKey(null);
            open(files);
          }}
        />
        {state.status === 'reading' && (
          <p className="text-slate-300" role="status" data-testid="local-files-progress">
            Reading {state.read} of {state.total} files…
          </p>
        )}
        {state.status === 'error' && (
          <p className="text-amber-300" role="alert">
            {state.message}
          </p>
        )}
        {folder && (
          <OpenedFolderView
            folder={folder}
            context={context}
            onOpenStudy={(study) => setShownKey(study.key)}
          />
        )}
      </div>
    </div>
  );
}
