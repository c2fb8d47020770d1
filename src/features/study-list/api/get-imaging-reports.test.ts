import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createTestQueryClient,
  createTestSession,
  stubNetwork,
  TEST_FHIR_BASE,
} from '@/lib/testing/test-session';
import { imagingReportsQueryOptions } from './get-imaging-reports';

const bundle = (resources: unknown[], next: string | null = null) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  link: next ? [{ relation: 'next', url: next }] : [],
  entry: resources.map((resource) => ({ resource })),
});
const report = (id: string) => ({
  resourceType: 'DiagnosticReport',
  id,
  status: 'final',
  subject: { reference: 'Patient/p1' },
  basedOn: [{ reference: 'ServiceRequest/o1' }],
});
const order = {
  resourceType: 'ServiceRequest',
  id: 'o1',
  identifier: [{ type: { coding: [{ code: 'ACSN' }] }, value: 'ACC-1' }],
};

afterEach(() => vi.unstubAllGlobals());

describe('imagingReportsQueryOptions', () => {
  it("reads every page of the patient's reports with the orders they are based on", async () => {
    const seen = stubNetwork(
      [
        [
          (url) => url.startsWith(`${TEST_FHIR_BASE}/DiagnosticReport?patient=p1`),
          () => Response.json(bundle([report('r1'), order], `${TEST_FHIR_BASE}/DiagnosticReport?page=2`)),
        ],
        [(url) => url.endsWith('page=2'), () => Response.json(bundle([report('r2')]))],
      ],
      vi.stubGlobal,
    );
    const result = await createTestQueryClient().fetchQuery(imagingReportsQueryOptions(createTestSession()));
    expect(result.status).toBe('available');
    if (result.status !== 'available') return;
    // The order included on page 1 gives the report on page 2 its accession number too.
    expect(result.reports.map((item) => [item.id, item.accessions])).toEqual([
      ['r1', ['ACC-1']],
      ['r2', ['ACC-1']],
    ]);
    expect(seen[0]?.url).toContain('_include=DiagnosticReport%3Abased-on');
  });

  it('turns a refusal (403) into "not permitted", not an error', async () => {
    stubNetwork(
      [[(url) => url.includes('/DiagnosticReport?'), () => new Response('{}', { status: 403 })]],
      vi.stubGlobal,
    );
    const result = await createTestQueryClient().fetchQuery(imagingReportsQueryOptions(createTestSession()));
    expect(result).toEqual({
      status: 'not-permitted',
      reason: 'Reports are not shown: the FHIR server does not let this viewer read them (HTTP 403).',
    });
  });

  it('fails loudly on a server error (the screen offers Retry)', async () => {
    stubNetwork(
      [[(url) => url.includes('/DiagnosticReport?'), () => new Response('{}', { status: 500 })]],
      vi.stubGlobal,
    );
    await expect(
      createTestQueryClient().fetchQuery(imagingReportsQueryOptions(createTestSession())),
    ).rejects.toThrow(/HTTP 500/);
  });
});
