import { afterEach, describe, expect, it, vi } from 'vitest';
import { studyOnWadoRs } from '@/domain/fhir/testing/study-on-wado-rs';
import { createTestQueryClient, createTestSession, stubNetwork } from '@/lib/testing/test-session';
import { seriesStackQueryOptions } from './get-series-stack';

const WADO = 'https://images.example.org/dicom-web';
const STUDY = '1.2.840.7';
const SERIES = `${STUDY}.1`;

/** One series on a plain WADO-RS server, listing `listed` instances in FHIR. */
function seriesListing(listed: number) {
  const study = studyOnWadoRs(STUDY, WADO, {
    series: [
      {
        uid: SERIES,
        instance: Array.from({ length: listed }, (_, i) => ({ uid: `${SERIES}.${i + 1}`, number: i + 1 })),
      },
    ],
  });
  const series = study.series[0];
  if (!study.studyInstanceUid || !series) throw new Error('no series');
  return { studyUid: study.studyInstanceUid, series };
}

const instance = (sop: unknown, number: number, frames?: number) => ({
  '00080018': { vr: 'UI', Value: [sop] },
  '00200013': { vr: 'IS', Value: [number] },
  ...(frames ? { '00280008': { vr: 'IS', Value: [frames] } } : {}),
});

afterEach(() => vi.unstubAllGlobals());

describe('seriesStackQueryOptions', () => {
  it('turns the metadata into one image per frame, in stack order, all of this series', async () => {
    stubNetwork(
      [
        [
          (url) => url === `${WADO}/studies/${STUDY}/series/${SERIES}/metadata`,
          () => Response.json([instance(`${SERIES}.2`, 2, 2), instance(`${SERIES}.1`, 1)]),
        ],
      ],
      vi.stubGlobal,
    );
    const { studyUid, series } = seriesListing(2);
    const stack = await createTestQueryClient().fetchQuery(
      seriesStackQueryOptions(studyUid, series, createTestSession().authorizationFor),
    );
    expect(
      stack.images.map((image) =>
        image.imageId.replace(`wadors:${WADO}/studies/${STUDY}/series/${SERIES}/instances/`, ''),
      ),
    ).toEqual([`${SERIES}.1/frames/1`, `${SERIES}.2/frames/1`, `${SERIES}.2/frames/2`]);
    expect(new Set(stack.images.map((image) => image.seriesKey))).toEqual(new Set([series.key]));
    expect(stack.leftOut).toBeNull();
  });

  it('says how many instances were left out, and why, instead of passing over them', async () => {
    stubNetwork(
      [
        [
          (url) => url.endsWith('/metadata'),
          () => Response.json([instance(`${SERIES}.1`, 1), instance('not a uid', 2), instance(null, 3)]),
        ],
      ],
      vi.stubGlobal,
    );
    const { studyUid, series } = seriesListing(3);
    const stack = await createTestQueryClient().fetchQuery(
      seriesStackQueryOptions(studyUid, series, createTestSession().authorizationFor),
    );
    expect(stack.images).toHaveLength(1);
    expect(stack.leftOut).toBe(
      '2 of 3 instances from the image server left out: no valid SOP Instance UID. The record lists 3 instances; 1 can be shown.',
    );
  });
});
