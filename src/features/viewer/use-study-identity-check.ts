import { useQueryClient, type Query } from '@tanstack/react-query';
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

/**
 * The study-wide patient check, from whatever series metadata has been loaded (by viewports and
 * visible thumbnails), never by loading more: a study of 2,000 series is checked as it is looked at,
 * and the header says how far. Reads the query cache as it changes instead of observing one query
 * per series, so only the header re-renders when a series arrives, and a series once checked stays
 * counted after its query leaves the cache.
 */
export function useStudyIdentityCheck(study: Study, patient: PatientIdentity): StudyIdentityCheck {
  const cache = useQueryClient().getQueryCache();
  const [check, setCheck] = useState<StudyIdentityCheck & { study: Study; patient: PatientIdentity }>(() => ({
    study,
    patient,
    checked: 0,
    total: 0,
    mismatch: false,
  }));

  useEffect(() => {
    const studyUid = study.studyInstanceUid;
    const keys = new Set<SeriesKey>(study.series.flatMap((series) => (series.key ? [series.key] : [])));
    // Per series: whether one of its instances names another patient.
    const results = new Map<SeriesKey, boolean>();
    // Per series, before its metadata: whether the instance a viewport paints first names another
    // patient (its own metadata, get-first-instance.ts). It does not count as the series checked, but
    // the warning shows with the first image rather than moving it down once the series is in.
    const firstInstances = new Map<SeriesKey, boolean>();
    const publish = () => {
      setCheck((previous) => {
        const next = {
          study,
          patient,
          checked: results.size,
          total: keys.size,
          mismatch: [...results.values(), ...firstInstances.values()].some(Boolean),
        };
        const same =
          previous.study === study &&
          previous.patient === patient &&
          previous.checked === next.checked &&
          previous.total === next.total &&
          previous.mismatch === next.mismatch;
        return same ? previous : next;
      });
    };
    const read = (query: Query): boolean => {
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
    };
    for (const query of cache.getAll()) read(query);
    publish();
    return cache.subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success' && read(event.query)) publish();
    });
  }, [cache, study, patient]);

  // Until the effect has read the cache for this study and patient, nothing is checked.
  return check.study === study && check.patient === patient
    ? { checked: check.checked, total: check.total, mismatch: check.mismatch }
    : { checked: 0, total: 0, mismatch: false };
}
