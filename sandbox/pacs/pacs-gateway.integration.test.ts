import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeDicom } from './dicom-summary.ts';
import { closeServer } from '../http-helpers.ts';
import type { OrthancProcess } from './orthanc-process.ts';
import { startOrthanc, uploadInstance } from './orthanc-process.ts';
import { PacsFaults } from './pacs-faults.ts';
import { startPacsGateway } from './pacs-gateway.ts';
import { createTokenService } from '../auth/token-service.ts';
import type { TokenService } from '../auth/token-service.ts';
import { testPort } from '../test-port';

const ORTHANC_PORT = testPort(4543);
const PROTECTED = `http://127.0.0.1:${testPort(4541)}/dicom-web`;
const OPEN = `http://127.0.0.1:${testPort(4542)}/dicom-web`;
const APP = `http://127.0.0.1:${testPort(4540)}`;
const FHIR = `http://127.0.0.1:${testPort(4544)}/fhir`;
const EHR = `http://127.0.0.1:${testPort(4545)}`;
const FAULTY = `http://127.0.0.1:${testPort(4546)}/dicom-web`;
const faults = new PacsFaults();
const FILE = join(import.meta.dirname, '..', 'data', 'dicom', 'dcm_qa_ct-philips-S21570', 'S1000', 'I10');

let dir: string;
let orthanc: OrthancProcess;
let servers: Server[];
let tokens: TokenService;
let token: string;
const summary = summarizeDicom(readFileSync(FILE));
const instanceUrl = (base: string): string =>
  `${base}/studies/${summary.studyInstanceUid}/series/${summary.seriesInstanceUid}/instances/${summary.sopInstanceUid}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-gateway-'));
  orthanc = await startOrthanc({ name: 'gateway-test', dir, httpPort: ORTHANC_PORT });
  expect(await uploadInstance(orthanc.restUrl, readFileSync(FILE))).toEqual({ ok: true });
  tokens = await createTokenService({ issuer: EHR, audience: FHIR, ttlSeconds: 60 });
  token = await tokens.signAccessToken({ sub: 'u', clientId: 'imaging-viewer', scope: 'patient/*.rs' });
  servers = [
    await startPacsGateway({ name: 'pacs-a', port: testPort(4541), orthancUrl: orthanc.restUrl, tokens }),
    await startPacsGateway({ name: 'pacs-b', port: testPort(4542), orthancUrl: orthanc.restUrl }),
    await startPacsGateway({ name: 'faulty', port: testPort(4546), orthancUrl: orthanc.restUrl, faults }),
  ];
}, 30_000);

afterAll(async () => {
  await Promise.all(servers.map(closeServer));
  await orthanc.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('PACS gateway', () => {
  it('answers the CORS preflight with 204 and no token', async () => {
    const response = await fetch(`${PROTECTED}/studies`, {
      method: 'OPTIONS',
      headers: { Origin: APP, 'Access-Control-Request-Headers': 'authorization, accept' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Accept, Content-Type');
  });

  it('refuses pacs-a requests without a valid token, as a SMART imaging server does', async () => {
    const missing = await fetch(`${PROTECTED}/studies`, { headers: { Origin: APP } });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(missing.headers.get('access-control-allow-origin')).toBe(APP);
    const otherKey = await createTokenService({ issuer: EHR, audience: FHIR, ttlSeconds: 60 });
    const forged = await otherKey.signAccessToken({
      sub: 'u',
      clientId: 'imaging-viewer',
      scope: 'patient/*.rs',
    });
    expect(
      (await fetch(`${PROTECTED}/studies`, { headers: { Authorization: `Bearer ${forged}` } })).status,
    ).toBe(401);
  });

  it('passes pacs-a requests with our token through to Orthanc', async () => {
    const response = await fetch(`${PROTECTED}/studies`, {
      headers: { Authorization: `Bearer ${token}`, Origin: APP },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/dicom+json');
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Length');
    const studies = (await response.json()) as Record<string, { Value?: string[] }>[];
    expect(studies.map((s) => s['0020000D']?.Value?.[0])).toEqual([summary.studyInstanceUid]);
  });

  it('serves pacs-b without any token and points BulkDataURIs at the gateway', async () => {
    const response = await fetch(`${instanceUrl(OPEN)}/metadata`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`"${OPEN}/studies/`);
  });

  it('passes Accept through: frames come as multipart in their stored syntax', async () => {
    const response = await fetch(`${instanceUrl(OPEN)}/frames/1`, {
      headers: { Accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=*' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^multipart\/related/);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(256 * 512 * 2);
  });

  it('relays Orthanc errors with their status', async () => {
    expect((await fetch(`${OPEN}/studies/1.2.3/metadata`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${testPort(4542)}/instances`)).status).toBe(404);
  });

  it("serves Orthanc's WADO-URI at {dicom-web}/wado, under the same token rules", async () => {
    const query = `?requestType=WADO&studyUID=${summary.studyInstanceUid}&seriesUID=${summary.seriesInstanceUid}&objectUID=${summary.sopInstanceUid}&contentType=application/dicom`;
    expect((await fetch(`${PROTECTED}/wado${query}`)).status).toBe(401);
    const response = await fetch(`${PROTECTED}/wado${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/dicom');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.toString('ascii', 128, 132)).toBe('DICM');
    // Orthanc's own root stays behind the gateway.
    expect((await fetch(`http://127.0.0.1:${testPort(4542)}/wado${query}`)).status).toBe(404);
  });
});

describe('PACS gateway faults, as the fault controls cause them', () => {
  const metadata = () => fetch(`${instanceUrl(FAULTY)}/metadata`, { signal: AbortSignal.timeout(5_000) });
  const frame = () => fetch(`${instanceUrl(FAULTY)}/frames/1`, { signal: AbortSignal.timeout(5_000) });

  it('stopped (refuse): connections are refused until resumed, then it serves again', async () => {
    expect((await metadata()).status).toBe(200);
    await faults.stop('refuse');
    await expect(metadata()).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    await faults.resume();
    expect((await metadata()).status).toBe(200);
  });

  it('stopped (hang): requests get no answer until resumed, then they are served', async () => {
    await faults.stop('hang');
    const pending = fetch(`${instanceUrl(FAULTY)}/metadata`);
    const early = await Promise.race([
      pending.then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('no answer'), 500)),
    ]);
    expect(early).toBe('no answer');
    expect(faults.describe()).toMatchObject({ stopped: 'hang', held: 1 });
    await faults.resume();
    expect((await pending).status).toBe(200);
  });

  it('slow frames: each request for pixel data is answered late, metadata at once', async () => {
    faults.setFrameDelay(800);
    const seriesUrl = instanceUrl(FAULTY).replace(/\/instances\/[^/]+$/, '');
    const whole = (url: string) =>
      fetch(url, {
        headers: { Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' },
        signal: AbortSignal.timeout(5_000),
      });
    try {
      let started = Date.now();
      expect((await frame()).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(800);
      // A whole instance or series brings the frames too.
      for (const url of [instanceUrl(FAULTY), seriesUrl]) {
        started = Date.now();
        const answer = await whole(url);
        expect(answer.status, url).toBe(200);
        expect(Date.now() - started, url).toBeGreaterThanOrEqual(800);
      }
      started = Date.now();
      expect((await metadata()).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(800);
    } finally {
      await faults.reset();
    }
  });

  it('busy: the next requests get 503 with Retry-After, then it serves', async () => {
    faults.setBusy(1, 3, '/metadata');
    const busy = await metadata();
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('3');
    expect((await metadata()).status).toBe(200);
  });
});
