import {
  experimental_streamedQuery as streamedQuery,
  queryOptions,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { readStudyList } from '@/domain/fhir/read-imaging-study';
import type { Study } from '@/domain/fhir/study';
import { tokenRequiringAddressesOf } from '@/domain/smart/requires-access-token';
import { fhirSearchPages } from '@/lib/fhir-pages';
import { useSmartSession, type SmartSession } from '@/lib/smart-session';

const PAGE_SIZE = 50;
/** A safety stop for a server whose `next` links loop. */
const MAX_PAGES = 500;

/**
 * Every page of the patient's ImagingStudy search, newest first, with the Endpoints they reference
 * included in the same responses (no request per study). Pages are yielded as they arrive so the
 * first rows show while a long history is still loading.
 */
export async function* streamImagingStudyPages(
  session: SmartSession,
  signal?: AbortSignal,
): AsyncGenerator<unknown> {
  const params = new URLSearchParams({
    patient: session.context.patientId,
    _include: 'ImagingStudy:endpoint',
    _sort: '-started',
    _count: String(PAGE_SIZE),
  });
  yield* fhirSearchPages(session, `ImagingStudy?${params.toString()}`, { maxPages: MAX_PAGES, signal });
}

/** The patient's studies as far as the pages have arrived. */
export interface StudyList {
  studies: Study[];
  /** Every `next` link has been followed. */
  complete: boolean;
  pagesLoaded: number;
}

type ListChunk = { studies: Study[]; pagesLoaded: number } | { end: true };

/**
 * Each page is read into the study model as it arrives, over every page so far (an Endpoint included
 * on one page may serve a study on another), and the session learns which Endpoints declare that they
 * require the access token before any row renders (and loads a preview).
 */
async function* listChunks(session: SmartSession, signal?: AbortSignal): AsyncGenerator<ListChunk> {
  const pages: unknown[] = [];
  for await (const page of streamImagingStudyPages(session, signal)) {
    pages.push(page);
    const studies = readStudyList(pages);
    session.tokenPolicy.trust(tokenRequiringAddressesOf(studies));
    yield { studies, pagesLoaded: pages.length };
  }
  yield { end: true };
}

/**
 * The list, streamed: `data.studies` grows page by page and `data.complete` turns true after the
 * last one. A background refetch replaces the list only once it is whole, so rows never vanish. The
 * viewer opens a study of this list from this cache (see find-linked-study.ts).
 */
export function imagingStudiesQueryOptions(session: SmartSession) {
  return queryOptions({
    queryKey: ['imaging-studies', session.fhirBaseUrl, session.context.patientId],
    queryFn: streamedQuery<ListChunk, StudyList>({
      streamFn: ({ signal }) => listChunks(session, signal),
      refetchMode: 'replace',
      initialValue: { studies: [], complete: false, pagesLoaded: 0 },
      reducer: (list, chunk) =>
        'end' in chunk ? { ...list, complete: true } : { ...chunk, complete: false },
    }),
  });
}

export function useImagingStudies() {
  return useQuery(imagingStudiesQueryOptions(useSmartSession()));
}

/**
 * Asks for the list again after a failure (the automatic retry already spent). Rows already shown
 * stay until the new list is whole; with none shown, the query starts afresh so pages stream in again.
 */
export function useRetryImagingStudies(): (rowsShown: boolean) => Promise<void> {
  const queryClient = useQueryClient();
  const { queryKey } = imagingStudiesQueryOptions(useSmartSession());
  return (rowsShown) =>
    rowsShown
      ? queryClient.refetchQueries({ queryKey, exact: true })
      : queryClient.resetQueries({ queryKey, exact: true });
}
