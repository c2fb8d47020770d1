import type { QueryClient } from '@tanstack/react-query';
import { parseSeriesInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { parseDeepLink } from '@/domain/fhir/deep-link';
import { initialSeriesIndexOf } from '@/domain/fhir/initial-series';
import { likelyFirstFrameOf } from '@/domain/imaging/first-image-guess';
import { patientQueryOptions } from '@/features/patient/api/get-patient';
import { completeStudyQueryOptions } from '@/features/study-list/api/get-complete-study';
import { imagingReportsQueryOptions } from '@/features/study-list/api/get-imaging-reports';
import { linkedStudyQueryOptions } from '@/features/study-list/api/find-linked-study';
import { firstInstanceQueryOptions } from '@/features/viewer/api/get-first-instance';
import { seriesStackQueryOptions } from '@/features/viewer/api/get-series-stack';
import type { SmartSession } from '@/lib/smart-session';
import { fetchFrameEarly, peekEarlyFrame } from '@/rendering/early-frames';
import { prepareFirstPaint } from '@/rendering/first-paint-slot';
import { firstImageRequestsSent } from '@/rendering/load-priority';
import { holdRenderingUntilFirstPaint } from '@/rendering/rendering-gate';

/**
 * The requests of the screen a session lands on, sent from the entry bundle the moment the token
 * exists rather than once the viewer's chunk (Cornerstone, megabytes) has arrived and run: the
 * patient, the study the link names, its completion, the first series' metadata, its likely first
 * instance's own metadata and first frame, and from those two the first paint (first-paint-slot.ts), and
 * the patient's reports (the report panel beside the viewport).
 * Each goes through the queryOptions the screens use, so they find the answers (or the requests in
 * flight) in the cache and nothing is asked twice. Failures are left in the cache for the screens to
 * show; nothing here reports or throws.
 */
export async function prefetchLanding(
  queryClient: QueryClient,
  session: SmartSession,
  path: string,
): Promise<void> {
  void queryClient.prefetchQuery(patientQueryOptions(session));
  const url = new URL(path, window.location.origin);
  if (url.pathname !== '/viewer') return;
  const request = parseDeepLink(url.searchParams);
  if (request.kind !== 'study-uid' && request.kind !== 'study-id') return;
  // The first image will likely be painted from these requests (use-first-paint.ts): Cornerstone's
  // start waits until the viewport has painted (or cannot), or HOLD_MAX_MS.
  const release = holdRenderingUntilFirstPaint();
  try {
    const linked = await queryClient.fetchQuery(linkedStudyQueryOptions(session, request, queryClient));
    if (!linked) return release();
    const study = await queryClient.fetchQuery(completeStudyQueryOptions(session, linked));
    if (!study) return release();
    const requestedSeries =
      parseSeriesInstanceUid(url.searchParams.get('SeriesInstanceUID')) ?? request.seriesUid;
    const series = study.series[initialSeriesIndexOf(study, requestedSeries) ?? -1];
    const studyUid = study.studyInstanceUid;
    if (!studyUid || !series?.key || !series.uid || !series.wadoRs) return release();
    // The first frame before the metadata: its URL needs only the ImagingStudy's instance list.
    const first = likelyFirstFrameOf(studyUid, series);
    if (first) fetchFrameEarly(first.imageId, session.authorizationFor);
    // Its own metadata, small, comes with the frame: the first paint need not wait for the series',
    // and is computed when both are in, while the viewer may still be mounting (first-paint-slot.ts).
    const firstInstance = queryClient
      .fetchQuery(firstInstanceQueryOptions(studyUid, series, session.authorizationFor))
      .then(
        (source) => source && prepareFirstPaint(source.imageId, source.metadata, session.authorizationFor),
      );
    // The study's report panel takes its place beside the viewport in the viewer's first layout rather
    // than halving the first image once drawn: the patient's reports are asked for now, while the FHIR
    // server is idle (after the study, which the first image needs, and its frame).
    void queryClient.prefetchQuery(imagingReportsQueryOptions(session));
    // The series' metadata is asked for once these two are in (load-priority.ts); the renderer's chunks
    // are fetched and compiled once the paint's bytes are (first-paint-slot.ts).
    const inFlight = firstImageRequestsSent();
    void Promise.allSettled([firstInstance, first ? peekEarlyFrame(first.imageId) : null]).then(inFlight);
    void queryClient.prefetchQuery(seriesStackQueryOptions(studyUid, series, session.authorizationFor));
  } catch {
    // The screen's own query shows what went wrong (and paints nothing).
    release();
  }
}
