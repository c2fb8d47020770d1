import { experimental_streamedQuery as streamedQuery, queryOptions, useQuery } from '@tanstack/react-query';
import { buildStudyList, type StudyListEntry } from '@/domain/fhir/study-list';
import { field, readRecords, readText } from '@/domain/fhir/json-read';
import { tokenRequiringAddressesInPages } from '@/domain/smart/requires-access-token';
import { mayReceiveAccessToken } from '@/domain/smart/token-destination';
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
  let url: string | null = `ImagingStudy?${params.toString()}`;
  for (let pages = 0; url && pages < MAX_PAGES; pages += 1) {
    const page: unknown = await session.fhirGet(url, signal);
    yield page;
    url = nextPageOf(page, session);
  }
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

export interface ImagingStudyPages {
  pages: unknown[];
  /** Every `next` link has been followed. */
  complete: boolean;
}

type PageChunk = { page: unknown } | { end: true };

async function* pageChunks(session: SmartSession, signal?: AbortSignal): AsyncGenerator<PageChunk> {
  const pages: unknown[] = [];
  for await (const page of streamImagingStudyPages(session, signal)) {
    pages.push(page);
    // Before any row renders (and loads a preview), the session learns which Endpoints declare that
    // they require the access token.
    session.tokenPolicy.trust(tokenRequiringAddressesInPages(pages));
    yield { page };
  }
  yield { end: true };
}

/**
 * The raw pages, streamed: `data.pages` grows page by page and `data.complete` turns true after the
 * last one. A background refetch replaces the list only once it is whole, so rows never vanish.
 */
export function imagingStudyPagesQueryOptions(session: SmartSession) {
  return queryOptions({
    queryKey: ['imaging-studies', session.fhirBaseUrl, session.context.patientId],
    queryFn: streamedQuery<PageChunk, ImagingStudyPages>({
      streamFn: ({ signal }) => pageChunks(session, signal),
      refetchMode: 'replace',
      initialValue: { pages: [], complete: false },
      reducer: (list, chunk) =>
        'end' in chunk
          ? { ...list, complete: true }
          : { pages: [...list.pages, chunk.page], complete: false },
    }),
  });
}

export interface StudyList {
  entries: StudyListEntry[];
  complete: boolean;
  pagesLoaded: number;
}

/**
 * Module-level so that TanStack Query memoises it: the list is rebuilt only when a page arrives. The
 * resource pool spans every page, so an Endpoint included on an earlier page still resolves.
 */
const selectStudyList = (data: ImagingStudyPages): StudyList => ({
  entries: buildStudyList(data.pages),
  complete: data.complete,
  pagesLoaded: data.pages.length,
});

export function useImagingStudies() {
  return useQuery({ ...imagingStudyPagesQueryOptions(useSmartSession()), select: selectStudyList });
}
