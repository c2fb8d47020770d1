import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { readImagingReports, type ImagingReport } from '@/domain/fhir/imaging-report';
import { linkReports } from '@/domain/fhir/report-links';
import { createResourcePool } from '@/domain/fhir/resource-pool';
import type { Study } from '@/domain/fhir/study';
import { FhirHttpError } from '@/lib/fhir-http';
import { fhirSearchPages } from '@/lib/fhir-pages';
import { useSmartSession, type SmartSession } from '@/lib/smart-session';

const PAGE_SIZE = 100;
const MAX_PAGES = 50;

/**
 * The patient's reports, or why there are none to show. A server that does not let the viewer read
 * reports (scope not granted, 403, no such resource) is not an error: the list simply has no Report
 * column and says so quietly.
 */
export type ImagingReports =
  { status: 'available'; reports: ImagingReport[] } | { status: 'not-permitted'; reason: string };

/**
 * Every page of `DiagnosticReport?patient=…` with the ServiceRequests they are based on (their
 * accession numbers link reports that do not reference their study). Not narrowed by category: servers
 * file imaging reports under different codes (v2-0074 RAD, LOINC LP29684-5…) or none, and a missed
 * report is worse than a few pages more; reports that link to no study are simply not shown.
 */
export async function getImagingReports(
  session: SmartSession,
  signal?: AbortSignal,
): Promise<ImagingReports> {
  const params = new URLSearchParams({
    patient: session.context.patientId,
    _include: 'DiagnosticReport:based-on',
    _count: String(PAGE_SIZE),
  });
  const pages: unknown[] = [];
  try {
    const first = `DiagnosticReport?${params.toString()}`;
    for await (const page of fhirSearchPages(session, first, { maxPages: MAX_PAGES, signal }))
      pages.push(page);
  } catch (error) {
    if (error instanceof FhirHttpError && error.status !== null && NOT_PERMITTED.has(error.status)) {
      return {
        status: 'not-permitted',
        reason: `Reports are not shown: the FHIR server does not let this viewer read them (HTTP ${error.status}).`,
      };
    }
    throw error;
  }
  return { status: 'available', reports: readImagingReports(createResourcePool(pages)) };
}

/** 401 is the session's (handled by fhirGet); these mean "not for you" or "not here". */
const NOT_PERMITTED = new Set([403, 404, 405, 501]);

export function imagingReportsQueryOptions(session: SmartSession) {
  return queryOptions({
    queryKey: ['imaging-reports', session.fhirBaseUrl, session.context.patientId],
    queryFn: ({ signal }) => getImagingReports(session, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/**
 * The reports of the listed studies, linked once per list (see report-links.ts): by study key, plus
 * the sentences about reports not shown. Null while the reports load, when they could not be had, or
 * when the server does not let the viewer read them (`reports` says which).
 */
export function useStudyReports(studies: readonly Study[] | undefined) {
  const session = useSmartSession();
  const reports = useQuery(imagingReportsQueryOptions(session));
  const patientId = session.context.patientId;
  const available = reports.data?.status === 'available' ? reports.data.reports : null;
  const linked = useMemo(
    () => (available && studies ? linkReports(available, studies, patientId) : null),
    [available, studies, patientId],
  );
  return { reports, linked };
}
