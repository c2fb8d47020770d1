import type { Server } from 'node:http';
import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FhirHangFaults } from './fhir-faults.ts';
import { startFhirServer } from './fhir-server.ts';
import { createFhirStore } from './fhir-store.ts';
import { closeServer } from '../http-helpers.ts';
import { sandboxEndpoint } from '../data/sandbox-resources.ts';
import { createTokenService } from '../auth/token-service.ts';
import { testPort } from '../test-port';

const PORT = testPort(4521);
const FHIR = `http://127.0.0.1:${PORT}/fhir`;
const EHR = `http://127.0.0.1:${testPort(4522)}`;
const STUDIES = 45;

let server: Server;
let auth: Record<string, string>;

beforeAll(async () => {
  const store = createFhirStore();
  const tokens = await createTokenService({ issuer: EHR, audience: FHIR, ttlSeconds: 60 });
  await store.put({ resourceType: 'Patient', id: 'p1' });
  await store.put(sandboxEndpoint('a', 'http://127.0.0.1:1/dicom-web'));
  await store.put(sandboxEndpoint('b', 'http://127.0.0.1:2/dicom-web'));
  for (let i = 0; i < STUDIES; i++) {
    await store.put({
      resourceType: 'ImagingStudy',
      id: `s${String(i).padStart(2, '0')}`,
      status: 'available',
      subject: { reference: 'Patient/p1' },
      started: `2020-01-01T00:00:${String(i).padStart(2, '0')}Z`,
      endpoint: [{ reference: 'Endpoint/pacs-a' }],
      // Only the first study has a series on the other PACS: `_include` must still find that Endpoint.
      series: [
        {
          uid: `1.2.${i}`,
          modality: { code: 'CT' },
          ...(i === 0 ? { endpoint: [{ reference: 'Endpoint/pacs-b' }] } : {}),
        },
      ],
    });
  }
  const token = await tokens.signAccessToken({
    sub: 'u',
    clientId: 'imaging-viewer',
    scope: 'patient/*.rs',
    patient: 'p1',
  });
  auth = { Authorization: `Bearer ${token}` };
  server = await startFhirServer({
    port: PORT,
    store,
    tokens,
    urls: { fhirBase: FHIR, ehrOrigin: EHR, imagingEndpoints: [] },
    faults: hangs,
  });
});

afterAll(() => closeServer(server));

const hangs = new FhirHangFaults();

async function getBundle(url: string): Promise<Bundle> {
  const response = await fetch(url, { headers: auth });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/fhir+json');
  return (await response.json()) as Bundle;
}

const nextOf = (bundle: Bundle) => bundle.link?.find((l) => l.relation === 'next')?.url;

describe('FHIR server paging', () => {
  it('follows next links through a whole search, first page size = _count', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${FHIR}/ImagingStudy?patient=p1&_count=10&_sort=-started`;
    let pages = 0;
    while (url) {
      const bundle = await getBundle(url);
      expect(bundle.total).toBe(STUDIES);
      if (pages === 0) expect(bundle.entry?.filter((e) => e.search?.mode === 'match')).toHaveLength(10);
      seen.push(...(bundle.entry ?? []).map((e) => e.resource?.id ?? ''));
      expect(url.startsWith(FHIR)).toBe(true);
      url = nextOf(bundle);
      pages++;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(STUDIES);
    expect(new Set(seen).size).toBe(STUDIES);
    expect(seen[0]).toBe('s44');
  });

  it('uses 20 as the default page size and writes self/first links', async () => {
    const bundle = await getBundle(`${FHIR}/ImagingStudy?patient=Patient/p1`);
    expect(bundle.entry).toHaveLength(20);
    expect(bundle.link?.map((l) => l.relation)).toEqual(['self', 'first', 'next']);
  });

  it('includes study- and series-level endpoints with the page they belong to', async () => {
    const bundle = await getBundle(`${FHIR}/ImagingStudy?_id=s00&_include=ImagingStudy:endpoint`);
    const included = bundle.entry?.filter((e) => e.search?.mode === 'include').map((e) => e.resource?.id);
    expect(included?.sort()).toEqual(['pacs-a', 'pacs-b']);
  });

  it('finds a study by its DICOM Study Instance UID identifier', async () => {
    const bundle = await getBundle(
      `${FHIR}/ImagingStudy?identifier=${encodeURIComponent('urn:dicom:uid|urn:oid:1.2.3')}`,
    );
    expect(bundle.total).toBe(0);
  });
});

describe('FHIR server access', () => {
  it('answers metadata and SMART discovery without a token, with CORS', async () => {
    const metadata = await fetch(`${FHIR}/metadata`, { headers: { Origin: 'http://127.0.0.1:4300' } });
    expect(metadata.status).toBe(200);
    expect(metadata.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4300');
    const smart = (await (await fetch(`${FHIR}/.well-known/smart-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(smart.authorization_endpoint).toBe(`${EHR}/authorize`);
    expect(smart.code_challenge_methods_supported).toEqual(['S256']);
    expect(smart.capabilities).toContain('launch-ehr');
  });

  it('refuses searches and reads without a valid token', async () => {
    const missing = await fetch(`${FHIR}/Patient/p1`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const forged = await fetch(`${FHIR}/Patient/p1`, { headers: { Authorization: 'Bearer x.y.z' } });
    expect(forged.status).toBe(401);
    expect((await fetch(`${FHIR}/Patient/p1`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${FHIR}/Patient/nope`, { headers: auth })).status).toBe(404);
  });

  it('answers the preflight without a token', async () => {
    const response = await fetch(`${FHIR}/ImagingStudy`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:4300', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});

describe('FHIR server faults, as the fault controls cause them', () => {
  const answeredWithin = (pending: Promise<Response>, ms: number) =>
    Promise.race([
      pending.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
    ]);

  it('a page that hangs answers only when released, and only the pages that match hang', async () => {
    hangs.hang('_offset=20', 1, null);
    const hung = fetch(`${FHIR}/Patient?_count=20&_offset=20`, { headers: auth });
    expect(await answeredWithin(hung, 500)).toBe(false);
    expect((await fetch(`${FHIR}/Patient?_count=20`, { headers: auth })).status).toBe(200);
    hangs.release();
    expect((await hung).status).toBe(200);
  });

  it('a page that hangs for N ms answers by itself after them', async () => {
    hangs.hang('Patient', 1, 700);
    const started = Date.now();
    expect((await fetch(`${FHIR}/Patient`, { headers: auth })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    // Once: the next one answers at once.
    expect(await answeredWithin(fetch(`${FHIR}/Patient`, { headers: auth }), 500)).toBe(true);
  });
});
