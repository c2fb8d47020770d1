import { afterEach, describe, expect, it, vi } from 'vitest';
import { studyOnWadoRs } from '@/domain/fhir/testing/study-on-wado-rs';
import { createTestQueryClient, createTestSession, stubNetwork } from '@/lib/testing/test-session';
import { completeStudyQueryOptions } from './get-complete-study';

const WADO = 'https://images.example.org/dicom-web';
const UID = '1.2.840.5';

/** A study whose ImagingStudy lists no series: the PACS is asked over QIDO-RS. */
const studyListingNoSeries = () => studyOnWadoRs(UID, WADO);

const element = (vr: string, value: unknown) => ({ vr, Value: [value] });

afterEach(() => vi.unstubAllGlobals());

describe('completeStudyQueryOptions', () => {
  it('fills series and instances from QIDO-RS, with their counts', async () => {
    const seen = stubNetwork(
      [
        [
          (url) => url.endsWith(`/studies/${UID}/series`),
          () => Response.json([{ '0020000E': element('UI', `${UID}.1`), '00080060': element('CS', 'CT') }]),
        ],
        [
          (url) => url.endsWith(`/series/${UID}.1/instances`),
          () =>
            Response.json([
              { '00080018': element('UI', `${UID}.1.1`) },
              { '00080018': element('UI', `${UID}.1.2`) },
            ]),
        ],
      ],
      vi.stubGlobal,
    );
    const completed = await createTestQueryClient().fetchQuery(
      completeStudyQueryOptions(createTestSession(), studyListingNoSeries()),
    );
    expect(completed).toMatchObject({
      modalities: ['CT'],
      numberOfSeries: 1,
      numberOfInstances: 2,
      unavailableReason: null,
    });
    expect(completed?.series[0]?.key).toBe(`${WADO}/studies/${UID}/series/${UID}.1`);
    // This PACS is not one the session may send the token to.
    expect(seen.map((request) => request.authorization)).toEqual([null, null]);
  });

  it('keeps the study as FHIR gave it when the PACS fails, and says why', async () => {
    stubNetwork([[(url) => url.startsWith(WADO), () => new Response('', { status: 500 })]], vi.stubGlobal);
    const study = studyListingNoSeries();
    const completed = await createTestQueryClient().fetchQuery(
      completeStudyQueryOptions(createTestSession(), study),
    );
    expect(completed?.series).toEqual([]);
    expect(completed?.errors).toEqual([
      ...study.errors,
      "The image server could not list this study's series: The image server at https://images.example.org answered HTTP 500.",
    ]);
  });
});
