import type { UseQueryResult } from '@tanstack/react-query';
import type { LinkedReports } from '@/domain/fhir/report-links';
import type { ImagingReports } from '../api/get-imaging-reports';

/**
 * What the list says about reports beside its count line: quietly, when the server does not let the
 * viewer read them; with Retry, when they could not be loaded; loudly, when some were withheld
 * because they named another patient.
 */
export function ReportNotes({
  reports,
  linked,
}: {
  reports: UseQueryResult<ImagingReports>;
  linked: LinkedReports | null;
}) {
  if (reports.isError) {
    return (
      <span className="ml-2 text-amber-300" role="status" data-testid="reports-note">
        Reports could not be loaded.{' '}
        <button
          type="button"
          className="underline hover:text-amber-200"
          onClick={() => void reports.refetch()}
          disabled={reports.isFetching}
        >
          Retry
        </button>
      </span>
    );
  }
  if (reports.data?.status === 'not-permitted') {
    return (
      <span className="ml-2 text-slate-400" data-testid="reports-note">
        · {reports.data.reason}
      </span>
    );
  }
  if (!linked || linked.errors.length === 0) return null;
  return (
    <span
      className="ml-2 text-amber-300"
      role="alert"
      data-testid="reports-withheld"
      title={linked.errors.join(' ')}
    >
      ·{' '}
      {linked.errors.length === 1
        ? linked.errors[0]
        : `${linked.errors.length} reports are not shown: they name another patient or none.`}
    </span>
  );
}
