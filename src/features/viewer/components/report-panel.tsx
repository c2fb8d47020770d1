import { UntrustedText } from '@/components/ui/untrusted-text';
import type { ImagingReport } from '@/domain/fhir/imaging-report';
import { presentReportStatus } from '@/domain/fhir/report-status';
import { formatFhirDateTime } from '@/lib/format-fhir-date';
import { ReportAttachmentView } from './report-attachment-view';

/** What the viewer knows about the study's reports. */
export type StudyReportsState =
  | { status: 'loading' }
  | { status: 'available'; reports: readonly ImagingReport[] }
  | { status: 'unavailable'; reason: string };

/**
 * The study's reports beside its images, newest first: status (PRELIMINARY unmistakable, a changed
 * report says so), issued date, performers, conclusion, coded conclusions and the attachments.
 */
export function ReportPanel({ state }: { state: StudyReportsState }) {
  return (
    <aside
      className="w-[30rem] shrink-0 overflow-y-auto border-l border-slate-800 bg-slate-950 p-3 text-sm"
      aria-label="Report"
      data-testid="report-panel"
    >
      {state.status === 'loading' && <p className="text-slate-400">Loading the reports…</p>}
      {state.status === 'unavailable' && <p className="text-slate-400">{state.reason}</p>}
      {state.status === 'available' && state.reports.length === 0 && (
        <p className="text-slate-400" data-testid="report-none">
          No report for this study.
        </p>
      )}
      {state.status === 'available' &&
        state.reports.map((report) => <ReportView key={report.key} report={report} />)}
    </aside>
  );
}

function ReportView({ report }: { report: ImagingReport }) {
  const status = presentReportStatus(report.status);
  const issued = report.issued ?? report.effective;
  return (
    <article
      className="mb-4 border-b border-slate-800 pb-4 last:border-b-0"
      data-testid="report"
      data-report-status={report.status ?? ''}
    >
      {status.warning && (
        <p
          className={`mb-2 rounded px-2 py-1 font-semibold ${
            status.tone === 'preliminary' ? 'bg-amber-300 text-black' : 'bg-slate-800 text-sky-200'
          }`}
          role="note"
          data-testid="report-warning"
        >
          {status.warning}
        </p>
      )}
      <h3 className="font-semibold text-slate-100">
        {status.label} report{issued ? `, issued ${formatFhirDateTime(issued)}` : ''}
      </h3>
      {report.performers.length > 0 && <p className="text-slate-400">By {report.performers.join(', ')}</p>}
      {report.conclusion && (
        <p className="mt-2 text-slate-100" data-testid="report-conclusion">
          <span className="font-semibold">Conclusion: </span>
          <UntrustedText text={report.conclusion} />
        </p>
      )}
      {report.conclusionCodes.length > 0 && (
        <ul className="mt-1 list-inside list-disc text-slate-300" aria-label="Coded conclusions">
          {report.conclusionCodes.map((code) => (
            <li key={code}>
              <UntrustedText text={code} />
            </li>
          ))}
        </ul>
      )}
      {report.presentedForms.map((attachment, index) => (
        <ReportAttachmentView key={index} reportKey={report.key} index={index} attachment={attachment} />
      ))}
    </article>
  );
}
