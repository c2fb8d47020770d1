import { afterEach, describe, expect, it, vi } from 'vitest';
import { patientQueryOptions } from '@/features/patient/api/get-patient';
import { completeStudyQueryOptions } from '@/features/study-list/api/get-complete-study';
import { imagingReportsQueryOptions } from '@/features/study-list/api/get-imaging-reports';
import { linkedStudyQueryOptions } from '@/features/study-list/api/find-linked-study';
import {
  createTestQueryClient,
  createTestSession,
  stubNetwork,
  TEST_FHIR_BASE,
} from '@/lib/testing/test-session';
import { text, twoPixelGreyImage } from '@/domain/imaging/testing/dicom-json-builders';
import { TransferSyntax } from '@/domain/imaging/transfer-syntax';
import { preparedFirstPaint } from '@/rendering/first-paint-slot';
import { frameResponse } from '@/rendering/testing/frame-response';
import { prefetchLanding } from './prefetch-landing';

/** The renderer's chunks (megabytes to compile): asked for through this spy. */
const rendering = vi.hoisted(() => ({ prefetch: vi.fn() }));
vi.mock(import('@/rendering/load-rendering'), async (original) => ({
  ...(await original()),
  prefetchRendering: rendering.prefetch,
}));

const WADO = 'https://images.example.org/dicom-web';
const UID = '1.2.840.5';
const SERIES = `${WADO}/studies/${UID}/series/${UID}.1`;

/** One CT series whose ImagingStudy lists its instances, instance 1 second. */
const imagingStudy = {
  resourceType: 'ImagingStudy',
  id: 's1',
  status: 'available',
  subject: { reference: 'Patient/p1' },
  identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${UID}` }],
  endpoint: [{ reference: '#pacs' }],
  contained: [
    {
      resourceType: 'Endpoint',
      id: 'pacs',
      status: 'active',
      connectionType: { code: 'dicom-wado-rs' },
      address: WADO,
    },
  ],
  numberOfSeries: 1,
  numberOfInstances: 2,
  series: [
    {
      uid: `${UID}.1`,
      modality: { code: 'CT' },
      numberOfInstances: 2,
      instance: [
        { uid: `${UID}.1.2`, number: 2, sopClass: { code: '1.2.840.10008.5.1.4.1.1.2' } },
        { uid: `${UID}.1.1`, number: 1, sopClass: { code: '1.2.840.10008.5.1.4.1.1.2' } },
      ],
    },
  ],
};

/** Instance 1's own metadata: a CT image the first paint can draw. */
const firstInstanceMetadata = twoPixelGreyImage({
  '00080016': text('UI', '1.2.840.10008.5.1.4.1.1.2'),
  '00080060': text('CS', 'CT'),
});

/**
 * The study under another UID, with its series' and first instance's WADO-RS URLs: early frames are
 * kept per image for the page's life (early-frames.ts), so a test that answers them needs its own.
 */
function studyOfItsOwn(uid: string) {
  const study = JSON.parse(JSON.stringify(imagingStudy).replaceAll(UID, uid)) as object;
  const series = `${WADO}/studies/${uid}/series/${uid}.1`;
  return { study, series, instance: `${series}/instances/${uid}.1.1` };
}

afterEach(() => vi.unstubAllGlobals());

type Route = [(url: string) => boolean, () => Response | Promise<Response>];

function stubEhrAndPacs(pacs: Route[] = [], study: object = imagingStudy) {
  vi.stubGlobal('window', { location: { origin: 'https://viewer.example.org' } });
  return stubNetwork(
    [
      [
        (url) => url.startsWith(`${TEST_FHIR_BASE}/Patient/`),
        () => Response.json({ resourceType: 'Patient', id: 'p1' }),
      ],
      [
        (url) => url.startsWith(`${TEST_FHIR_BASE}/ImagingStudy?`),
        () => Response.json({ resourceType: 'Bundle', entry: [{ resource: study }] }),
      ],
      [
        (url) => url.startsWith(`${TEST_FHIR_BASE}/DiagnosticReport?`),
        () => Response.json({ resourceType: 'Bundle', type: 'searchset', entry: [] }),
      ],
      ...pacs,
      [(url) => url.startsWith(WADO), () => new Response('', { status: 404 })],
    ],
    vi.stubGlobal,
  );
}

describe('prefetchLanding', () => {
  it('sends the viewer’s requests for the linked study at once: patient, study, first frame and its instance’s metadata, reports, series metadata', async () => {
    const seen = stubEhrAndPacs();
    const session = createTestSession();
    const client = createTestQueryClient();
    await prefetchLanding(client, session, '/viewer?ImagingStudy=s1');
    await vi.waitFor(() => expect(seen.some((request) => request.url === `${SERIES}/metadata`)).toBe(true));
    const urls = seen.map((request) => request.url);
    expect(urls).toHaveLength(6);
    expect(urls).toEqual(
      expect.arrayContaining([
        `${TEST_FHIR_BASE}/Patient/p1`,
        expect.stringMatching(/\/ImagingStudy\?.*_id=s1/),
        // The first slice by instance number, not the first listed.
        `${SERIES}/instances/${UID}.1.1/frames/1`,
        `${SERIES}/instances/${UID}.1.1/metadata`,
        expect.stringMatching(/\/DiagnosticReport\?patient=p1&/),
        `${SERIES}/metadata`,
      ]),
    );
    // The reports go after what the first image needs.
    const order = (part: string) => seen.findIndex((request) => request.url.includes(part));
    expect(order('/DiagnosticReport?')).toBeGreaterThan(order('/frames/1'));
    expect(order('/DiagnosticReport?')).toBeGreaterThan(order(`${UID}.1.1/metadata`));
  });

  it('leaves the answers where the screens look: their queryOptions send nothing more', async () => {
    const seen = stubEhrAndPacs();
    const session = createTestSession();
    const client = createTestQueryClient();
    await prefetchLanding(client, session, '/viewer?ImagingStudy=s1');
    // Everything the landing sends is out: the series' metadata goes last (load-priority.ts).
    await vi.waitFor(() => expect(seen.map((request) => request.url)).toContain(`${SERIES}/metadata`));
    expect(seen.some((request) => request.url.includes('/DiagnosticReport?'))).toBe(true);
    const sent = seen.length;
    const request = { kind: 'study-id' as const, id: 's1', seriesUid: null };
    const linked = await client.fetchQuery(linkedStudyQueryOptions(session, request, client));
    await client.fetchQuery(completeStudyQueryOptions(session, linked));
    await client.fetchQuery(patientQueryOptions(session));
    await client.fetchQuery(imagingReportsQueryOptions(session));
    expect(linked?.id).toBe('s1');
    expect(seen).toHaveLength(sent);
  });

  it('has the first image’s paint ready once its frame and its instance’s metadata are in', async () => {
    const { study, instance } = studyOfItsOwn('1.2.840.6');
    stubEhrAndPacs(
      [
        [(url) => url === `${instance}/metadata`, () => Response.json([firstInstanceMetadata])],
        [
          (url) => url === `${instance}/frames/1`,
          () => frameResponse([0, 255], TransferSyntax.ExplicitVrLittleEndian),
        ],
      ],
      study,
    );
    await prefetchLanding(createTestQueryClient(), createTestSession(), '/viewer?ImagingStudy=s1');
    // Before any viewport exists: the viewer draws it in its first commit (use-first-paint.ts).
    await vi.waitFor(() =>
      expect(preparedFirstPaint(`wadors:${instance}/frames/1`)).toMatchObject({ columns: 2, rows: 1 }),
    );
  });

  it('asks for the series’ metadata and the renderer once the first frame and its instance’s metadata are in', async () => {
    const { study, series, instance } = studyOfItsOwn('1.2.840.7');
    rendering.prefetch.mockClear();
    let frameIn: () => void = () => undefined;
    const frame = new Promise<Response>((resolve) => {
      frameIn = () => resolve(frameResponse([0, 255], TransferSyntax.ExplicitVrLittleEndian));
    });
    const seen = stubEhrAndPacs(
      [
        [(url) => url === `${instance}/metadata`, () => Response.json([firstInstanceMetadata])],
        [(url) => url === `${instance}/frames/1`, () => frame],
      ],
      study,
    );
    await prefetchLanding(createTestQueryClient(), createTestSession(), '/viewer?ImagingStudy=s1');
    await vi.waitFor(() => expect(seen.some((request) => request.url === `${instance}/metadata`)).toBe(true));
    // Well within the wait's limit (load-priority.ts FIRST_IMAGE_WAIT_MS).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.map((request) => request.url)).not.toContain(`${series}/metadata`);
    expect(rendering.prefetch).not.toHaveBeenCalled();
    frameIn();
    await vi.waitFor(() => expect(seen.map((request) => request.url)).toContain(`${series}/metadata`));
    expect(rendering.prefetch).toHaveBeenCalled();
  });

  it('asks only for the patient when the session lands on the list', async () => {
    const seen = stubEhrAndPacs();
    await prefetchLanding(createTestQueryClient(), createTestSession(), '/');
    expect(seen.map((request) => request.url)).toEqual([`${TEST_FHIR_BASE}/Patient/p1`]);
  });
});
