import type { ImagingReport } from '@/domain/fhir/imaging-report';
import { presentReportStatus, type ReportTone } from '@/domain/fhir/report-status';

const TONE_CLASSES: Readonly<Record<ReportTone, string>> = {
  final: 'text-slate-200',
  preliminary: 'rounded bg-amber-300 px-1 font-bold text-black',
  changed: 'text-sky-300',
  other: 'text-slate-400',
};

/** The Report column: the newest report's status (PRELIMINARY unmistakable), and how many there are. */
export function ReportCell({ reports }: { reports: readonly ImagingReport[] | undefined }) {
  const [newest] = reports ?? [];
  if (!newest) {
    return (
      <span className="text-slate-400" data-testid="study-report" data-report-status="none">
        None
      </span>
    );
  }
  const status = presentReportStatus(newest.status);
  const more = (reports?.length ?? 1) - 1;
  return (
    <span data-testid="study-report" data-report-status={newest.status ?? ''}>
      <span className={TONE_CLASSES[status.tone]}>{status.label}</span>
      {more > 0 && <span className="ml-1 text-xs text-slate-400">+{more} earlier</span>}
    </span>
  );
}
