import { useState } from 'react';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { UntrustedText } from '@/components/ui/untrusted-text';
import type { Study } from '@/domain/fhir/study';
import { formatStudyStarted } from '@/lib/format-fhir-date';

interface CompareChooserProps {
  current: Study;
  /** The patient's studies as far as they have loaded. */
  studies: readonly Study[];
  /** The list is still loading (more studies may come). */
  loading: boolean;
  /** The suggested prior (suggestPriorStudy), offered first. */
  suggested: Study | null;
  onChoose: (studyUid: StudyInstanceUid) => void;
}

/**
 * "Compare": a menu of the patient's other studies that can be opened, the suggested prior first.
 * Studies without a Study Instance UID, or that cannot be opened, are not offered.
 */
export function CompareChooser({ current, studies, loading, suggested, onChoose }: CompareChooserProps) {
  const [open, setOpen] = useState(false);
  const others = studies.filter(
    (study) =>
      study.studyInstanceUid !== null &&
      study.studyInstanceUid !== current.studyInstanceUid &&
      study.unavailableReason === null &&
      study !== suggested,
  );
  const choices = suggested ? [suggested, ...others] : others;
  return (
    <div className="relative">
      <button
        type="button"
        className="rounded border border-slate-600 px-2 py-0.5 text-xs text-slate-200 hover:border-slate-400"
        aria-expanded={open}
        aria-haspopup="menu"
        onClick={() => setOpen(!open)}
        data-testid="compare-button"
      >
        Compare…
      </button>
      {open && (
        <div
          role="menu"
          aria-label="Study to compare with"
          className="absolute right-0 z-30 mt-1 max-h-80 w-96 overflow-y-auto rounded border border-slate-600 bg-slate-900 p-1 text-xs shadow-lg"
          data-testid="compare-menu"
        >
          {choices.length === 0 && (
            <p className="p-2 text-slate-400">
              {loading ? 'Loading the patient’s studies…' : 'The patient has no other study to compare with.'}
            </p>
          )}
          {choices.map((study) => (
            <button
              key={study.key}
              type="button"
              role="menuitem"
              className="flex w-full items-baseline gap-2 rounded px-2 py-1 text-left text-slate-200 hover:bg-slate-800"
              onClick={() => {
                setOpen(false);
                if (study.studyInstanceUid) onChoose(study.studyInstanceUid);
              }}
              data-testid="compare-choice"
              data-study-uid={study.studyInstanceUid ?? ''}
              data-suggested={study === suggested}
            >
              <span className="shrink-0 font-semibold">{formatStudyStarted(study)}</span>
              <span className="shrink-0 text-slate-400">{study.modalities.join(', ')}</span>
              <span className="min-w-0 flex-1 truncate">
                <UntrustedText text={study.description} fallback="Imaging study" />
              </span>
              {study === suggested && (
                <span
                  className="shrink-0 rounded bg-violet-700 px-1 text-white"
                  data-testid="compare-suggested"
                >
                  Suggested prior
                </span>
              )}
            </button>
          ))}
          {loading && choices.length > 0 && <p className="p-2 text-slate-500">More studies are loading…</p>}
        </div>
      )}
    </div>
  );
}
