import { useMemo } from 'react';
import type { Study } from '@/domain/fhir/study';
import { useStudyReports } from '@/features/study-list/api/get-imaging-reports';
import type { StudyReportsState } from '@/features/viewer/components/report-panel';

/** The open study's reports, from the patient's report search (shared with the list's Report column). */
export function useStudyReportState(study: Study): StudyReportsState {
  const studies = useMemo(() => [study], [study]);
  const { reports, linked } = useStudyReports(studies);
  if (reports.isError)
    return { status: 'unavailable', reason: `The reports could not be loaded: ${reports.error.message}` };
  if (reports.data?.status === 'not-permitted') return { status: 'unavailable', reason: reports.data.reason };
  if (!linked) return { status: 'loading' };
  return { status: 'available', reports: linked.byStudy.get(study.key) ?? [] };
}
