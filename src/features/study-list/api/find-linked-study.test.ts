import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseStudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { checked } from '@/domain/dicomweb/testing/checked-inputs';
import {
  createTestQueryClient,
  createTestSession,
  stubNetwork,
  TEST_FHIR_BASE,
} from '@/lib/testing/test-session';
import { linkedStudyQueryOptions } from './find-linked-study';
import { imagingStudiesQueryOptions } from './get-imaging-studies';

const study = (id: string, uid: string) => ({
  resourceType: 'ImagingStudy',
  id,
  status: 'available',
  identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${uid}` }],
  series: [{ uid: `${uid}.1` }],
});
const bundle = (...studies: unknown[]) => ({
  resourceType: 'Bundle',
  entry: studies.map((resource) => ({ resource })),
});
const byUid = (uid: string) => ({
  kind: 'study-uid' as const,
  studyUid: checked(parseStudyInstanceUid(uid)),
  seriesUid: null,
});

afterEach(() => vi.unstubAllGlobals());

describe('linkedStudyQueryOptions', () => {
  it('matches the study again when the server ignores the identifier search (and returns every study)', async () => {
    const session = createTestSession();
    const seen = stubNetwork(
      [
        [
          (url) => url.startsWith(`${TEST_FHIR_BASE}/ImagingStudy?`),
          () => Response.json(bundle(study('a', '1.2.1'), study('b', '1.2.2'))),
        ],
      ],
      vi.stubGlobal,
    );
    const client = createTestQueryClient();
    const found = await client.fetchQuery(linkedStudyQueryOptions(session, byUid('1.2.2'), client));
    expect(found?.id).toBe('b');
    expect(seen[0]?.url).toContain('identifier=urn%3Adicom%3Auid%7Curn%3Aoid%3A1.2.2');
    expect(seen[0]?.url).toContain('patient=p1');
    // A UID that is not among them is "not found", never the first study the server sent.
    expect(await client.fetchQuery(linkedStudyQueryOptions(session, byUid('1.2.9'), client))).toBeNull();
  });

  it('takes a study the list already holds from the list, without a search', async () => {
    const session = createTestSession();
    const seen = stubNetwork(
      [
        [
          (url) => url.startsWith(`${TEST_FHIR_BASE}/ImagingStudy?patient=`),
          () => Response.json(bundle(study('a', '1.2.1'), study('b', '1.2.2'))),
        ],
      ],
      vi.stubGlobal,
    );
    const client = createTestQueryClient();
    const list = await client.fetchQuery(imagingStudiesQueryOptions(session));
    const searches = seen.length;

    const byId = await client.fetchQuery(
      linkedStudyQueryOptions(session, { kind: 'study-id', id: 'b', seriesUid: null }, client),
    );
    expect(byId).toBe(list.studies[1]);
    const uidOfA = await client.fetchQuery(linkedStudyQueryOptions(session, byUid('1.2.1'), client));
    expect(uidOfA).toBe(list.studies[0]);
    expect(seen).toHaveLength(searches);
  });
});
