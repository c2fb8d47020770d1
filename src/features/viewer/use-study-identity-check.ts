import { useQueryClient, type Query, type QueryCache } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { Study } from '@/domain/fhir/study';
import { isDicomJsonInstance, type DicomJsonInstance } from '@/domain/imaging/dicom-json';
import type { SeriesStack } from './api/get-series-stack';
import { patientMatchOf } from './model/viewport-identity';

export interface StudyIdentityCheck {
  /** Series whose metadata has been read (each of their instances compared with the patient). */
  checked: number;
  /** Series with images to check: those with an image server (the others have nothing to show). */
  total: number;
  /** Whether any checked instance names another patient. */
  mismatch: boolean;
}

/** The data of a `series-stack` query (seriesStackQueryOptions), read from the untyped cache. */
function seriesStackOf(query: Query): SeriesStack | null {
  const data: unknown = query.state.data;
  return query.queryKey[0] === 'series-stack' &&
    typeof data === 'object' &&
    data !== null &&
    'instances' in data &&
    Array.isArray(data.instances)
    ? (data as SeriesStack)
    : null;
}

/** The instance a `first-instance` query (firstInstanceQueryOptions) described, from the untyped cache. */
function firstInstanceOf(query: Query): DicomJsonInstance | null {
  const data: unknown = query.state.data;
  if (query.queryKey[0] !== 'first-instance' || typeof data !== 'object' || data === null) return null;
  const metadata: unknown = 'metadata' in data ? data.metadata : null;
  return isDicomJsonInstance(metadata) ? metadata : null;
}

const isKeyOf = (keys: ReadonlySet<SeriesKey>, key: unknown): key is SeriesKey =>
  typeof key === 'string' && keys.has(key as SeriesKey);

/** The tally of one study against one patient, fed the cache's queries one by one. */
function identityTally(study: Study, patient: PatientIdentity) {
  const studyUid = study.studyInstanceUid;
  const keys = new Set<SeriesKey>(study.series.flatMap((series) => (series.key ? [series.key] : [])));
  // Per series: whether one of its instances names another patient.
  const results = new Map<SeriesKey, boolean>();
  // Per series, before its metadata: whether the instance a viewport paints first names another
  // patient (its own metadata, get-first-instance.ts). It does not count as the series checked, but
  // the warning shows with the first image rather than moving it down once the series is in.
  const firstInstances = new Map<SeriesKey, boolean>();
  return {
    /** Takes in what a query says of this study; whether the tally changed. */
    read(query: Query): boolean {
      const first = firstInstanceOf(query);
      const firstKey = query.queryKey[1];
      if (
        first &&
        query.queryKey[2] === studyUid &&
        isKeyOf(keys, firstKey) &&
        !firstInstances.has(firstKey)
      ) {
        firstInstances.set(firstKey, patientMatchOf(patient, first).status === 'mismatch');
        return true;
      }
      const data = seriesStackOf(query);
      const key = query.queryKey[1];
      if (!data || query.queryKey[2] !== studyUid || !isKeyOf(keys, key) || results.has(key)) return false;
      results.set(
        key,
        data.instances.some((instance) => patientMatchOf(patient, instance).status === 'mismatch'),
      );
      return true;
    },
    check(): StudyIdentityCheck {
      return {
        checked: results.size,
        total: keys.size,
        mismatch: [...results.values(), ...firstInstances.values()].some(Boolean),
      };
    },
  };
}

/** A tally that has read what the cache holds now (a render's, before the effect has subscribed). */
function tallyOfCache(cache: QueryCache, study: Study, patient: PatientIdentity) {
  const tally = identityTally(study, patient);
  for (const query of cache.getAll()) tally.read(query);
  return tally;
}

/**
 * The study-wide patient check, from whatever series metadata has been loaded (by viewports and
 * visible thumbnails), never by loading more: a study of 2,000 series is checked as it is looked at,
 * and the header says how far. Reads the query cache as it changes instead of observing one query
 * per series, so only the header re-renders when a series arrives, and a series once checked stays
 * counted after its query leaves the cache. The first render already reads the cache: what the
 * landing fetched (the first image's metadata) is in the header in the same commit as the first
 * image, not one later, when it would move the image down.
 */
export function useStudyIdentityCheck(study: Study, patient: PatientIdentity): StudyIdentityCheck {
  const cache = useQueryClient().getQueryCache();
  const [check, setCheck] = useState<StudyIdentityCheck & { study: Study; patient: PatientIdentity }>(() => ({
    study,
    patient,
    ...tallyOfCache(cache, study, patient).check(),
  }));

  useEffect(() => {
    const tally = tallyOfCache(cache, study, patient);
    const publish = () => {
      setCheck((previous) => {
        const next = { study, patient, ...tally.check() };
        const same =
          previous.study === study &&
          previous.patient === patient &&
          previous.checked === next.checked &&
          previous.total === next.total &&
          previous.mismatch === next.mismatch;
        return same ? previous : next;
      });
    };
    publish();
    return cache.subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success' && tally.read(event.query)) publish();
    });
  }, [cache, study, patient]);

  // Another study or patient, before the effect has subscribed for it: what the cache holds now.
  return check.study === study && check.patient === patient
    ? { checked: check.checked, total: check.total, mismatch: check.mismatch }
    : tallyOfCache(cache, study, patient).check();
}
