import { afterEach, describe, expect, it, vi } from 'vitest';
import { REQUIRES_ACCESS_TOKEN_EXTENSION } from '@/domain/smart/requires-access-token';
import { mayReceiveAccessToken, tokenDecisionFor } from '@/domain/smart/token-destination';
import {
  createTestQueryClient,
  createTestSession,
  stubNetwork,
  TEST_FHIR_BASE,
} from '@/lib/testing/test-session';
import { imagingStudiesQueryOptions } from './get-imaging-studies';

const WADO = 'https://images.example.org/dicom-web';

const study = (id: string, uid: string) => ({
  resourceType: 'ImagingStudy',
  id,
  status: 'available',
  identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${uid}` }],
  endpoint: [{ reference: 'Endpoint/wado' }],
  series: [{ uid: `${uid}.1`, modality: { coding: [{ code: 'MR' }] } }],
});

const endpoint = {
  resourceType: 'Endpoint',
  id: 'wado',
  status: 'active',
  connectionType: { code: 'dicom-wado-rs' },
  address: WADO,
  extension: [{ url: REQUIRES_ACCESS_TOKEN_EXTENSION, valueBoolean: true }],
};

const page = (studies: unknown[], next: string | null, included: unknown[] = []) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  link: next ? [{ relation: 'next', url: next }] : [],
  entry: [...studies, ...included].map((resource) => ({ resource })),
});

afterEach(() => vi.unstubAllGlobals());

describe('imagingStudiesQueryOptions', () => {
  it('follows every next link on the FHIR server and reads each page into the study model', async () => {
    const session = createTestSession();
    const seen = stubNetwork(
      [
        [
          (url) => url.startsWith(`${TEST_FHIR_BASE}/ImagingStudy?patient=`),
          () =>
            Response.json(page([study('a', '1.2.1')], `${TEST_FHIR_BASE}/ImagingStudy?page=2`, [endpoint])),
        ],
        [(url) => url.endsWith('page=2'), () => Response.json(page([study('b', '1.2.2')], null))],
      ],
      vi.stubGlobal,
    );
    const list = await createTestQueryClient().fetchQuery(imagingStudiesQueryOptions(session));
    expect(list.complete).toBe(true);
    expect(list.pagesLoaded).toBe(2);
    // The Endpoint included on page 1 serves the study on page 2 as well.
    expect(list.studies.map((item) => [item.id, item.modalities, item.wadoRs?.address])).toEqual([
      ['a', ['MR'], WADO],
      ['b', ['MR'], WADO],
    ]);
    expect(seen).toHaveLength(2);
    expect(seen[0]?.url).toContain('_include=ImagingStudy%3Aendpoint');
    // An Endpoint that declares it requires the token is known as soon as its page arrived; its
    // origin is not one the EHR or the deployment trusts, so it is withheld (and said so on screen).
    expect(tokenDecisionFor(`${WADO}/studies/1.2.1/series`, session.tokenPolicy.current)).toBe('withheld');
  });

  it('honours the Endpoint that requires the token once the deployment trusts its origin', async () => {
    const session = createTestSession({ imagingTokenOrigins: ['https://images.example.org'] });
    stubNetwork(
      [
        [
          (url) => url.startsWith(`${TEST_FHIR_BASE}/ImagingStudy?`),
          () => Response.json(page([study('a', '1.2.1')], null, [endpoint])),
        ],
      ],
      vi.stubGlobal,
    );
    await createTestQueryClient().fetchQuery(imagingStudiesQueryOptions(session));
    expect(mayReceiveAccessToken(`${WADO}/studies/1.2.1/series`, session.tokenPolicy.current)).toBe(true);
  });

  it('stops at a next link that leaves the FHIR server, keeping the rows it has', async () => {
    const session = createTestSession();
    const seen = stubNetwork(
      [
        [
          (url) => url.startsWith(TEST_FHIR_BASE),
          () =>
            Response.json(
              page([study('a', '1.2.1')], 'https://elsewhere.example.org/fhir/ImagingStudy?page=2', [
                endpoint,
              ]),
            ),
        ],
      ],
      vi.stubGlobal,
    );
    const client = createTestQueryClient();
    const options = imagingStudiesQueryOptions(session);
    await expect(client.fetchQuery(options)).rejects.toThrow(/next-page link to another server/);
    expect(client.getQueryData(options.queryKey)?.studies.map((item) => item.id)).toEqual(['a']);
    expect(seen.every((request) => request.url.startsWith(TEST_FHIR_BASE))).toBe(true);
  });
});
