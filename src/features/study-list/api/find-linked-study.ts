import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { studySearchParams, type DeepLinkRequest } from '@/domain/fhir/deep-link';
import { readStudyList } from '@/domain/fhir/read-imaging-study';
import type { Study } from '@/domain/fhir/study';
import { tokenRequiringAddressesOf } from '@/domain/smart/requires-access-token';
import { useSmartSession, type SmartSession } from '@/lib/smart-session';
import { imagingStudiesQueryOptions } from './get-imaging-studies';

type StudyRequest = Extract<DeepLinkRequest, { kind: 'study-uid' | 'study-id' }>;

/**
 * The one study a deep link names, found by a FHIR search within the patient in context (never by
 * loading the whole list: a patient may have thousands). Null when the patient has no such study,
 * which covers a UID that belongs to someone else.
 */
export async function findLinkedStudy(
  session: SmartSession,
  request: StudyRequest,
  signal?: AbortSignal,
): Promise<Study | null> {
  const params = studySearchParams(session.context.patientId, request);
  if (params === null) return null;
  const bundle = await session.fhirGet(`ImagingStudy?${params.toString()}`, signal);
  const studies = readStudyList([bundle]);
  session.tokenPolicy.trust(tokenRequiringAddressesOf(studies));
  // A server that ignores an unknown search parameter would return every study: match again here.
  return studies.find((study) => isRequested(study, request)) ?? null;
}

function isRequested(study: Study, request: StudyRequest): boolean {
  return request.kind === 'study-uid' ? study.studyInstanceUid === request.studyUid : study.id === request.id;
}

/**
 * The study as the patient's list already holds it, if the list has been loaded in this session: a
 * study opened from the list then needs no second search (and cannot come back "not found" from a
 * server that stores or indexes its identifier differently).
 */
export function studyFromList(
  queryClient: QueryClient,
  session: SmartSession,
  request: StudyRequest,
): Study | undefined {
  const list = queryClient.getQueryData(imagingStudiesQueryOptions(session).queryKey);
  return list?.studies.find((study) => isRequested(study, request));
}

export function linkedStudyQueryOptions(
  session: SmartSession,
  request: StudyRequest,
  queryClient?: QueryClient,
) {
  const target = request.kind === 'study-uid' ? request.studyUid : request.id;
  // The key holds what the search uses (kind and target), not the request's seriesUid: the viewer
  // writes the series on screen into the URL, and a key with it would look the study up again (and
  // blank the viewer) at every series change.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- request: only kind and target are inputs
  return queryOptions({
    queryKey: ['linked-study', session.fhirBaseUrl, session.context.patientId, request.kind, target],
    queryFn: ({ signal }) => findLinkedStudy(session, request, signal),
    initialData: queryClient ? () => studyFromList(queryClient, session, request) : undefined,
    // What the clinician opened stays what the viewer shows while it is open.
    staleTime: Infinity,
  });
}

export function useLinkedStudy(request: StudyRequest) {
  return useQuery(linkedStudyQueryOptions(useSmartSession(), request, useQueryClient()));
}
