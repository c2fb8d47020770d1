import { Link } from 'react-router';
import { UntrustedText } from '@/components/ui/untrusted-text';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { Study } from '@/domain/fhir/study';
import { presentStudyStatus } from '@/domain/fhir/study-status';
import { formatStudyStarted } from '@/lib/format-fhir-date';
import { useStudyIdentityCheck } from '../use-study-identity-check';
import { StudyPatientMismatch } from './study-patient-mismatch';

interface ViewerHeaderProps {
  study: Study;
  patient: PatientIdentity;
}

const count = new Intl.NumberFormat('en-US');

/**
 * The study's line above the viewports. Shown whether or not any image can load. Record text is
 * clamped to one line (the full text on hover and in the expandable details), so a 100 KB description
 * cannot push the viewports away or widen the page.
 */
export function ViewerHeader({ study, patient }: ViewerHeaderProps) {
  // Only what has been loaded is checked (metadata is fetched as series are looked at): the header
  // says how far the check has got rather than implying a whole study it has not read.
  const { checked, total, mismatch } = useStudyIdentityCheck(study, patient);
  const status = presentStudyStatus(study.status);
  const problems = [
    ...(study.unavailableReason ? [study.unavailableReason] : []),
    ...study.errors.filter((error) => error !== study.unavailableReason),
    ...study.series.flatMap((series) => series.errors),
  ];
  const unique = [...new Set(problems)];
  return (
    <div
      className="flex max-h-48 min-w-0 flex-wrap items-center gap-x-4 gap-y-1 overflow-y-auto border-b border-slate-800 px-4 py-2 text-sm [overflow-wrap:anywhere]"
      data-testid="viewer-header"
    >
      <Link to="/" className="shrink-0 text-sky-300 hover:text-sky-200">
        ← All studies
      </Link>
      <h1 className="min-w-0 flex-1 basis-64 truncate font-semibold" data-testid="viewer-study-description">
        <UntrustedText text={study.description} fallback="Imaging study" titled />
      </h1>
      <span className="shrink-0 text-slate-400" data-testid="viewer-study-date">
        {formatStudyStarted(study)}
      </span>
      {study.status !== null && study.status !== 'available' && (
        <span className="max-w-64 min-w-0 truncate text-slate-400" data-testid="viewer-study-status">
          {status.label}
          {status.unknownCode !== null && (
            <>
              {' ('}
              <UntrustedText text={status.unknownCode} titled />)
            </>
          )}
        </span>
      )}
      {mismatch && <StudyPatientMismatch patient={patient} className="min-w-0" />}
      {/* Stays once every series is checked ("28 of 28"): a line that went away would move the images
          up under the user's eyes. */}
      {total > 0 && (
        <span
          className="shrink-0 text-slate-400"
          data-testid="study-identity-coverage"
          data-checked={checked}
          data-total={total}
        >
          Patient identity checked in {count.format(checked)} of {count.format(total)} series
        </span>
      )}
      {unique.length > 0 && (
        <details className="w-full min-w-0 text-amber-300" data-testid="viewer-study-problems">
          <summary className="cursor-pointer truncate">
            {unique[0]}
            {unique.length > 1 ? ` (+${unique.length - 1} more)` : ''}
          </summary>
          <ul className="list-disc pl-6">
            {unique.map((problem) => (
              <li key={problem} data-testid="viewer-study-problem">
                {problem}
              </li>
            ))}
          </ul>
        </details>
      )}
      {study.description !== null && study.description.length > 120 && (
        <details className="w-full min-w-0 text-slate-300" data-testid="viewer-study-description-full">
          <summary className="cursor-pointer text-xs text-slate-400">Full description</summary>
          <p className="max-h-32 overflow-y-auto text-xs whitespace-pre-wrap">
            <UntrustedText text={study.description} />
          </p>
        </details>
      )}
    </div>
  );
}
