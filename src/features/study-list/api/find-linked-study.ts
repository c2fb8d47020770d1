import { queryOptions, useQuery } from '@tanstack/react-query';
import { studySearchParams, type DeepLinkRequest } from '@/domain/fhir/deep-link';
import { buildStudyList, type StudyListEntry } from '@/domain/fhir/study-list';
import { tokenRequiringAddressesInPages } from '@/domain/smart/requires-access-token';
import { useSmartSession, type SmartSession } from '@/lib/smart-session';

/**
 * The one study a deep link names, found by a FHIR search within the patient in context (never by
 * loading the whole list: a patient may have thousands). Null when the patient has no such study,
 * which covers a UID that belongs to someone else.
 */
export async function findLinkedStudy(
  session: SmartSession,
  request: DeepLinkRequest,
  signal?: AbortSignal,
): Promise<StudyListEntry | null> {
  const params = studySearchParams(session.context.patientId, request);
  if (params === null) return null;
  const bundle = await session.fhirGet(`ImagingStudy?${params.toString()}`, signal);
  const entries = buildStudyList([bundle]);
  session.tokenPolicy.trust(tokenRequiringAddressesInPages([bundle]));
  // A server that ignores an unknown search parameter would return every study: match again here.
  return (
    entries.find((entry) =>
      request.kind === 'study-uid'
        ? entry.resolved.studyInstanceUid === request.studyUid
        : entry.summary.id === (request.kind === 'study-id' ? request.id : null),
    ) ?? null
  );
}

export function linkedStudyQueryOptions(session: SmartSession, request: DeepLinkRequest) {
  const target =
    request.kind === 'study-uid' ? request.studyUid : request.kind === 'study-id' ? request.id : null;
  // The key holds what the search uses (kind and target), not the request's seriesUid: the viewer
  // writes the series on screen into the URL, and a key with it would look the study up again (and
  // blank the viewer) at every series change.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- request: only kind and target are inputs
  return queryOptions({
    queryKey: ['linked-study', session.fhirBaseUrl, session.context.patientId, request.kind, target],
    queryFn: ({ signal }) => findLinkedStudy(session, request, signal),
    enabled: target !== null,
  });
}

export function useLinkedStudy(request: DeepLinkRequest) {
  return useQuery(linkedStudyQueryOptions(useSmartSession(), request));
}
