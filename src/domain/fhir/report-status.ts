/**
 * How a report's status is shown (R4 diagnostic-report-status). A preliminary report must be
 * unmistakable; a changed one must say so; the list column and the panel use the same words.
 */
export type ReportTone = 'final' | 'preliminary' | 'changed' | 'other';

export interface ReportStatusPresentation {
  label: string;
  tone: ReportTone;
  /** A sentence the panel shows above the report; null when the status needs none. */
  warning: string | null;
}

export function presentReportStatus(status: string | null): ReportStatusPresentation {
  switch (status) {
    case 'final':
      return { label: 'Final', tone: 'final', warning: null };
    case 'preliminary':
    case 'partial':
    case 'registered':
      return {
        label: 'PRELIMINARY',
        tone: 'preliminary',
        warning: 'PRELIMINARY report: not yet final; its findings may change.',
      };
    case 'amended':
    case 'corrected':
    case 'appended':
      return {
        label: status === 'amended' ? 'Amended' : status === 'corrected' ? 'Corrected' : 'Appended',
        tone: 'changed',
        warning: `This report was ${status} after it was first issued.`,
      };
    case 'cancelled':
      return { label: 'Cancelled', tone: 'other', warning: 'This report was cancelled.' };
    default:
      return { label: 'Status unknown', tone: 'other', warning: 'The report has no known status.' };
  }
}
