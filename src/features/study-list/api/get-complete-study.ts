import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  instancesFromQido,
  planStudyCompletion,
  seriesFromQido,
  withCompletedSeries,
} from '@/domain/fhir/complete-study';
import { buildQidoRsInstancesUrl, buildQidoRsSeriesUrl } from '@/domain/dicomweb/qido-rs-urls';
import type { ResolvedSeries } from '@/domain/fhir/resolved-study';
import type { StudyListEntry } from '@/domain/fhir/study-list';
import { fetchDicomJson, type AuthorizationProvider } from '@/lib/imaging-http';
import { useSmartSession, type SmartSession } from '@/lib/smart-session';
import { createConcurrencyLimit } from './concurrency-limit';

/** Per study: a few series at a time, so a 40-series study does not flood its PACS. */
const SERIES_QUERY_CONCURRENCY = 4;

/**
 * The study with every series and instance the PACS knows of, when the ImagingStudy left them out:
 * QIDO-RS `/studies/{S}/series`, then `/series/{R}/instances` per series without instances. A study
 * that lists everything costs no request. A PACS that cannot answer leaves the study as FHIR gave
 * it, with the reason added to its errors so the viewer can say why it shows nothing.
 */
export async function getCompleteStudy(
  entry: StudyListEntry,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<StudyListEntry> {
  const plan = planStudyCompletion(entry.resolved);
  if (plan === null) return entry;
  try {
    const series: ResolvedSeries[] = plan.querySeries
      ? seriesFromQido(
          plan.studyUid,
          plan.base,
          await fetchDicomJson(buildQidoRsSeriesUrl(plan.base.address, plan.studyUid), authorizationFor, {
            ...(signal ? { signal } : {}),
          }),
        )
      : [...entry.resolved.series];
    const missing = plan.querySeries
      ? series.flatMap((item, index) => (item.uid && item.wadoRs ? [index] : []))
      : plan.seriesWithoutInstances;
    const limit = createConcurrencyLimit(SERIES_QUERY_CONCURRENCY);
    await Promise.all(
      missing.map((index) =>
        limit(async () => {
          const item = series[index];
          if (!item?.uid || !item.wadoRs) return;
          const url = buildQidoRsInstancesUrl(item.wadoRs.address, plan.studyUid, item.uid);
          const json = await fetchDicomJson(url, authorizationFor, { ...(signal ? { signal } : {}) });
          series[index] = { ...item, instances: instancesFromQido(plan.studyUid, item, json) };
        }, signal),
      ),
    );
    return withCompletedSeries(entry, series);
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = `The image server could not list this study's series: ${error instanceof Error ? error.message : String(error)}`;
    return { ...entry, resolved: { ...entry.resolved, errors: [...entry.resolved.errors, reason] } };
  }
}

export function completeStudyQueryOptions(
  session: Pick<SmartSession, 'fhirBaseUrl' | 'authorizationFor'>,
  entry: StudyListEntry | null,
) {
  const { authorizationFor } = session;
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- entry is keyed by identity, see below
  return queryOptions({
    // An entry is derived from one resource of one server: its id and the study UID it names
    // identify it (hashing the whole entry for every visible row would cost more than it says, and
    // the viewer's entry, found by its own search, shares what the row learnt even where the two
    // differ in detail). The authorization provider is a function: it cannot be hashed, and it
    // decides only whether the token goes along.
    queryKey: [
      'complete-study',
      session.fhirBaseUrl,
      entry?.key ?? null,
      entry?.resolved.studyInstanceUid ?? null,
    ],
    queryFn: ({ signal }) =>
      entry ? getCompleteStudy(entry, authorizationFor, signal) : Promise.resolve(null),
    enabled: entry !== null,
    staleTime: Infinity,
  });
}

/** `enabled: false` holds off asking (e.g. while the list is flung) but keeps what was learnt. */
export function useCompleteStudy(entry: StudyListEntry | null, { enabled = true } = {}) {
  const options = completeStudyQueryOptions(useSmartSession(), entry);
  return useQuery({ ...options, enabled: options.enabled && enabled });
}
