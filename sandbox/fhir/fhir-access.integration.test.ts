import type { Server } from 'node:http';
import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirServer } from './fhir-server.ts';
import { createFhirStore } from './fhir-store.ts';
import { closeServer } from '../http-helpers.ts';
import { sandboxEndpoint } from '../data/sandbox-resources.ts';
import { createTokenService, type TokenService } from '../auth/token-service.ts';
import { testPort } from '../test-port';

const PORT = testPort(4525);
const FHIR = `http://127.0.0.1:${PORT}/fhir`;
const EHR = `http://127.0.0.1:${testPort(4526)}`;

let server: Server;
let tokens: TokenService;

/** Two patients, each with a study; p2's series is on an Endpoint no study of p1 uses. */
beforeAll(async () => {
  const store = createFhirStore();
  tokens = await createTokenService({ issuer: EHR, audience: FHIR, ttlSeconds: 60 });
  for (const id of ['p1', 'p2']) await store.put({ resourceType: 'Patient', id });
  await store.put(sandboxEndpoint('a', 'http://127.0.0.1:1/dicom-web'));
  await store.put(sandboxEndpoint('b', 'http://127.0.0.1:2/dicom-web'));
  await store.put({ ...sandboxEndpoint('b', 'http://127.0.0.1:3/dicom-web'), id: 'pacs-private' });
  const study = (id: string, patient: string, seriesEndpoint: string) => ({
    resourceType: 'ImagingStudy' as const,
    id,
    status: 'available' as const,
    subject: { reference: `Patient/${patient}` },
    endpoint: [{ reference: 'Endpoint/pacs-a' }],
    series: [
      { uid: `1.2.${id}`, modality: { code: 'CT' }, endpoint: [{ reference: `Endpoint/${seriesEndpoint}` }] },
    ],
  });
  await store.put(study('mine', 'p1', 'pacs-b'));
  await store.put(study('theirs', 'p2', 'pacs-private'));
  // Report attachments: Binaries read under their report's rules (securityContext), one with none.
  for (const [id, patient] of [
    ['my-report', 'p1'],
    ['their-report', 'p2'],
  ] as const) {
    await store.put({
      resourceType: 'Binary',
      id: `${id}-pdf`,
      contentType: 'text/plain',
      securityContext: { reference: `DiagnosticReport/${id}` },
    });
    await store.put({
      resourceType: 'DiagnosticReport',
      id,
      status: 'final',
      code: { text: 'CT' },
      subject: { reference: `Patient/${patient}` },
    });
  }
  await store.put({ resourceType: 'Binary', id: 'loose', contentType: 'text/plain' });
  server = await startFhirServer({
    port: PORT,
    store,
    tokens,
    urls: { fhirBase: FHIR, ehrOrigin: EHR, imagingEndpoints: [] },
  });
});

afterAll(() => closeServer(server));

async function as(scope: string, patient?: string) {
  const token = await tokens.signAccessToken({
    sub: 'u',
    clientId: 'c',
    scope,
    ...(patient ? { patient } : {}),
  });
  return async (path: string): Promise<{ status: number; body: Bundle & { id?: string } }> => {
    const response = await fetch(`${FHIR}/${path}`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Bundle & { id?: string } };
  };
}

const ids = (bundle: Bundle, mode?: 'match' | 'include') =>
  (bundle.entry ?? [])
    .filter((entry) => !mode || entry.search?.mode === mode)
    .map((entry) => `${entry.resource?.resourceType}/${entry.resource?.id}`)
    .sort();

const VIEWER_SCOPES = 'launch patient/Patient.rs patient/ImagingStudy.rs patient/Endpoint.rs';

describe('a patient-scoped token (the viewer’s scopes) reads its patient only', () => {
  it('reads its Patient and study, not the other patient’s', async () => {
    const get = await as(VIEWER_SCOPES, 'p1');
    expect((await get('Patient/p1')).status).toBe(200);
    expect((await get('ImagingStudy/mine')).status).toBe(200);
    const other = await get('Patient/p2');
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).toContain('forbidden');
    expect((await get('ImagingStudy/theirs')).status).toBe(403);
  });

  it('searches within its patient: without a patient parameter, and never naming another', async () => {
    const get = await as(VIEWER_SCOPES, 'p1');
    expect(ids((await get('ImagingStudy')).body, 'match')).toEqual(['ImagingStudy/mine']);
    expect(ids((await get('ImagingStudy?_id=theirs')).body, 'match')).toEqual([]);
    expect(ids((await get('Patient')).body)).toEqual(['Patient/p1']);
    expect(ids((await get('Patient?_id=p2')).body)).toEqual([]);
    expect((await get('ImagingStudy?patient=p2')).status).toBe(403);
    expect((await get('ImagingStudy?subject=Patient/p2')).status).toBe(403);
    expect((await get('ImagingStudy?patient=p1&patient=p2')).status).toBe(403);
  });

  it('reads the Endpoints its studies use, not another patient’s, also through _include', async () => {
    const get = await as(VIEWER_SCOPES, 'p1');
    expect((await get('Endpoint/pacs-a')).status).toBe(200);
    expect((await get('Endpoint/pacs-private')).status).toBe(403);
    expect(ids((await get('Endpoint')).body)).toEqual(['Endpoint/pacs-a', 'Endpoint/pacs-b']);
    const listed = await get('ImagingStudy?patient=p1&_include=ImagingStudy:endpoint');
    expect(ids(listed.body, 'include')).toEqual(['Endpoint/pacs-a', 'Endpoint/pacs-b']);
    // _revinclude from the patient's own Patient must not bring in the other patient's studies.
    const rev = await get('Patient?_revinclude=ImagingStudy:subject');
    expect(ids(rev.body)).toEqual(['ImagingStudy/mine', 'Patient/p1']);
    // Another patient's study, reached through the Endpoint it shares with ours, stays out too.
    const shared = await get('Endpoint?_id=pacs-a&_revinclude=ImagingStudy:endpoint');
    expect(ids(shared.body)).toEqual(['Endpoint/pacs-a', 'ImagingStudy/mine']);
  });

  it('gets nothing of a type its scopes leave out, not even through _include', async () => {
    const get = await as('patient/ImagingStudy.rs', 'p1');
    expect((await get('Patient/p1')).status).toBe(403);
    expect((await get('Endpoint/pacs-a')).status).toBe(403);
    const listed = await get('ImagingStudy?_include=ImagingStudy:endpoint');
    expect(ids(listed.body)).toEqual(['ImagingStudy/mine']);
  });

  it('reads but does not search with .r, searches but does not read with .s (SMART v2)', async () => {
    const reader = await as('patient/ImagingStudy.r', 'p1');
    expect((await reader('ImagingStudy/mine')).status).toBe(200);
    expect((await reader('ImagingStudy')).status).toBe(403);
    const searcher = await as('patient/ImagingStudy.s', 'p1');
    expect((await searcher('ImagingStudy/mine')).status).toBe(403);
    expect((await searcher('ImagingStudy')).status).toBe(200);
  });

  it('honours SMART v1 scopes, and refuses a patient scope without a patient', async () => {
    expect((await (await as('patient/*.read', 'p1'))('ImagingStudy/mine')).status).toBe(200);
    expect((await (await as('patient/*.read', 'p1'))('ImagingStudy/theirs')).status).toBe(403);
    expect((await (await as('patient/*.read'))('ImagingStudy/mine')).status).toBe(403);
  });

  it('refuses compartment searches and history to a patient-scoped token', async () => {
    const get = await as(VIEWER_SCOPES, 'p1');
    expect((await get('Patient/p2/ImagingStudy')).status).toBe(403);
    expect((await get('ImagingStudy/theirs/_history')).status).toBe(403);
  });
});

describe('a Binary (a report attachment) is read under its securityContext’s rules', () => {
  it('goes to whoever may read the report it belongs to, and to nobody else', async () => {
    const get = await as(`${VIEWER_SCOPES} patient/DiagnosticReport.rs`, 'p1');
    expect((await get('Binary/my-report-pdf')).status).toBe(200);
    expect((await get('Binary/their-report-pdf')).status).toBe(403);
    expect((await get('Binary/loose')).status).toBe(403);
    // Without a scope for reports, not their attachments either.
    expect((await (await as(VIEWER_SCOPES, 'p1'))('Binary/my-report-pdf')).status).toBe(403);
    expect((await (await as('user/*.rs', 'p1'))('Binary/loose')).status).toBe(200);
  });
});

describe('a user-level token', () => {
  it('reads every patient', async () => {
    const get = await as('user/*.rs', 'p1');
    expect((await get('Patient/p2')).status).toBe(200);
    expect(ids((await get('ImagingStudy')).body, 'match')).toEqual([
      'ImagingStudy/mine',
      'ImagingStudy/theirs',
    ]);
  });
});
