import { queryOptions, useQuery } from '@tanstack/react-query';
import { buildStudyList, type StudyListEntry } from '@/domain/fhir/study-list';
import { field, readRecords, readText } from '@/domain/fhir/json-read';
import { mayReceiveAccessToken } from '@/domain/smart/token-destination';
import { useSmartSession, type SmartSession } from '@/lib/smart-session';

const PAGE_SIZE = 50;
/** A safety stop for a server whose `next` links loop. */
const MAX_PAGES = 500;

/**
 * Every page of the patient's ImagingStudy search, with the Endpoints they reference included in the
 * same responses (no request per study).
 */
export async function getImagingStudyPages(session: SmartSession, signal?: AbortSignal): Promise<unknown[]> {
  const params = new URLSearchParams({
    patient: session.context.patientId,
    _include: 'ImagingStudy:endpoint',
    _sort: '-started',
    _count: String(PAGE_SIZE),
  });
  const pages: unknown[] = [];
  let url: string | null = `ImagingStudy?${params.toString()}`;
  while (url && pages.length < MAX_PAGES) {
    const page: unknown = await session.fhirGet(url, signal);
    pages.push(page);
    url = nextPageOf(page, session);
  }
  return pages;
}

/** The `next` link, followed only while it stays on the FHIR server: the token must not leave it. */
function nextPageOf(page: unknown, session: SmartSession): string | null {
  const next = readRecords(field(page, 'link')).find((link) => readText(field(link, 'relation')) === 'next');
  const url = readText(field(next, 'url'));
  if (!url) return null;
  if (!mayReceiveAccessToken(url, { bases: [session.fhirBaseUrl], origins: [] })) {
    throw new Error('The FHIR server returned a next-page link to another server; the list stops here.');
  }
  return url;
}

export function imagingStudiesQueryOptions(session: SmartSession) {
  return queryOptions({
    queryKey: ['imaging-studies', session.fhirBaseUrl, session.context.patientId],
    queryFn: async ({ signal }): Promise<StudyListEntry[]> =>
      buildStudyList(await getImagingStudyPages(session, signal)),
  });
}

export function useImagingStudies() {
  return useQuery(imagingStudiesQueryOptions(useSmartSession()));
}
