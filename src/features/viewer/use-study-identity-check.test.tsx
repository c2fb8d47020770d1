// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { ImageSource } from '@/domain/imaging/image-source';
import { studyOnWadoRs } from '@/domain/fhir/testing/study-on-wado-rs';
import { createTestQueryClient, createTestSession } from '@/lib/testing/test-session';
import { firstInstanceQueryOptions } from './api/get-first-instance';
import { seriesStackQueryOptions, type SeriesStack } from './api/get-series-stack';
import { useStudyIdentityCheck } from './use-study-identity-check';

afterEach(cleanup);

const STUDY = '1.2.840.9';
const study = studyOnWadoRs(STUDY, 'https://images.example.org/dicom-web', {
  series: [1, 2, 3].map((n) => ({ uid: `${STUDY}.${n}`, instance: [{ uid: `${STUDY}.${n}.1` }] })),
});
const patient: PatientIdentity = {
  id: 'p1',
  name: 'DOE, Jane',
  mrn: 'MRN-1',
  birthDate: null,
  gender: null,
};

/** A loaded stack whose one instance names the patient `id`. */
const stackNaming = (id: string, name: string): SeriesStack => ({
  images: [],
  objects: [],
  leftOut: null,
  order: null,
  instances: [
    { '00100020': { vr: 'LO', Value: [id] }, '00100010': { vr: 'PN', Value: [{ Alphabetic: name }] } },
  ],
});

describe('useStudyIdentityCheck', () => {
  it('counts only the series whose metadata is loaded, and warns once one names another patient', () => {
    const client = createTestQueryClient();
    const { authorizationFor } = createTestSession();
    const keyOf = (index: number) => {
      const series = study.series[index];
      if (!study.studyInstanceUid || !series) throw new Error('no series');
      return seriesStackQueryOptions(study.studyInstanceUid, series, authorizationFor).queryKey;
    };
    client.setQueryData(keyOf(0), stackNaming('MRN-1', 'DOE^JANE'));
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useStudyIdentityCheck(study, patient), { wrapper });
    expect(result.current).toEqual({ checked: 1, total: 3, mismatch: false });

    act(() => client.setQueryData(keyOf(1), stackNaming('OTHER-9', 'ROE^RICHARD')));
    expect(result.current).toEqual({ checked: 2, total: 3, mismatch: true });

    // A series checked once stays counted when its query leaves the cache (a thumbnail scrolled away).
    act(() => client.removeQueries({ queryKey: keyOf(0) }));
    act(() => client.setQueryData(keyOf(2), stackNaming('MRN-1', 'DOE^JANE')));
    expect(result.current).toEqual({ checked: 3, total: 3, mismatch: true });
  });

  it("warns from the first image's own metadata, before its series' is in, without counting the series checked", () => {
    const { authorizationFor } = createTestSession();
    const series = study.series[0];
    if (!study.studyInstanceUid || !series?.key) throw new Error('no series');
    const firstKey = firstInstanceQueryOptions(study.studyInstanceUid, series, authorizationFor).queryKey;
    const checkWithFirstInstance = (id: string, name: string) => {
      const client = createTestQueryClient();
      const [metadata] = stackNaming(id, name).instances;
      if (!metadata || !series.key) throw new Error('no instance');
      const source: ImageSource = { imageId: 'wadors:first', seriesKey: series.key, metadata };
      client.setQueryData(firstKey, source);
      const wrapper = ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      );
      return renderHook(() => useStudyIdentityCheck(study, patient), { wrapper }).result.current;
    };
    expect(checkWithFirstInstance('MRN-1', 'DOE^JANE')).toEqual({ checked: 0, total: 3, mismatch: false });
    expect(checkWithFirstInstance('OTHER-9', 'ROE^RICHARD')).toEqual({
      checked: 0,
      total: 3,
      mismatch: true,
    });
  });

  it('says what the cache holds in its first render, so the header does not grow a commit after the image', () => {
    const client = createTestQueryClient();
    const { authorizationFor } = createTestSession();
    const series = study.series[0];
    if (!study.studyInstanceUid || !series?.key) throw new Error('no series');
    const [metadata] = stackNaming('OTHER-9', 'ROE^RICHARD').instances;
    if (!metadata) throw new Error('no instance');
    const source: ImageSource = { imageId: 'wadors:first', seriesKey: series.key, metadata };
    client.setQueryData(
      firstInstanceQueryOptions(study.studyInstanceUid, series, authorizationFor).queryKey,
      source,
    );
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const renders: unknown[] = [];
    renderHook(
      () => {
        const check = useStudyIdentityCheck(study, patient);
        renders.push(check);
        return check;
      },
      { wrapper },
    );
    expect(renders[0]).toEqual({ checked: 0, total: 3, mismatch: true });
    expect(renders.at(-1)).toEqual({ checked: 0, total: 3, mismatch: true });
  });
});
