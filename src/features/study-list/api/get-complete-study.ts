import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  instancesFromQido,
  planStudyCompletion,
  seriesFromQido,
  withCompletedSeries,
} from '@/domain/fhir/complete-study';
import { buildQidoRsInstancesUrl, buildQidoRsSeriesUrl } from '@/domain/dicomweb/qido-rs-urls';
import type { Study, StudySeries } from '@/domain/fhir/study';
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
  study: Study,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<Study> {
  const plan = planStudyCompletion(study);
  if (plan === null) return study;
  try {
    const series: StudySeries[] = plan.querySeries
      ? seriesFromQido(
          plan.studyUid,
          plan.base,
          await fetchDicomJson(buildQidoRsSeriesUrl(plan.base.address, plan.studyUid), authorizationFor, {
            signal,
            background: true,
          }),
          plan.availability,
        )
      : [...study.series];
    const missing = plan.querySeries
      ? series.flatMap((item, index) => (item.key !== null ? [index] : []))
      : plan.seriesWithoutInstances;
    const limit = createConcurrencyLimit(SERIES_QUERY_CONCURRENCY);
    await Promise.all(
      missing.map((index) =>
        limit(async () => {
          const item = series[index];
          if (!item?.uid || !item.wadoRs) return;
          const url = buildQidoRsInstancesUrl(item.wadoRs.address, plan.studyUid, item.uid);
          const json = await fetchDicomJson(url, authorizationFor, { signal, background: true });
          series[index] = { ...item, instances: instancesFromQido(plan.studyUid, item, json) };
        }, signal),
      ),
    );
    return withCompletedSeries(study, series);
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = `The image server could not list this study's series: ${error instanceof Error ? error.message : String(error)}`;
    return { ...study, errors: [...study.errors, reason] };
  }
}

export function completeStudyQueryOptions(
  session: Pick<SmartSession, 'fhirBaseUrl' | 'authorizationFor'>,
  study: Study | null,
) {
  const { authorizationFor } = session;
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- a study is keyed by its identity, see below
  return queryOptions({
    // A study is read from one resource of one server: its key and the study UID it names identify
    // it (hashing the whole study for every visible row would cost more than it says, and the viewer's
    // study, found by its own search, shares what the row learnt). The authorization provider is a
    // function: it cannot be hashed, and it decides only whether the token goes along.
    queryKey: ['complete-study', session.fhirBaseUrl, study?.key ?? null, study?.studyInstanceUid ?? null],
    queryFn: ({ signal }) =>
      study ? getCompleteStudy(study, authorizationFor, signal) : Promise.resolve(null),
    enabled: study !== null,
    staleTime: Infinity,
  });
}

/** `enabled: false` holds off asking (e.g. while the list is flung) but keeps what was learnt. */
export function useCompleteStudy(study: Study | null, { enabled = true } = {}) {
  const options = completeStudyQueryOptions(useSmartSession(), study);
  return useQuery({ ...options, enabled: options.enabled && enabled });
}
