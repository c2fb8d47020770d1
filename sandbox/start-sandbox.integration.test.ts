import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Endpoint, ImagingStudy, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxInfo } from './sandbox-info.ts';
import { launchAndGetToken } from './auth/smart-test-client.ts';
import type { RunningSandbox } from './start-sandbox.ts';
import { startSandbox } from './start-sandbox.ts';
import { testPort } from './test-port';

let dir: string;
let sandbox: RunningSandbox;
let info: SandboxInfo;
let auth: Record<string, string>;
const logged: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-e2e-'));
  sandbox = await startSandbox({
    appPort: testPort(4550),
    fhirPort: testPort(4551),
    ehrPort: testPort(4552),
    pacsAPort: testPort(4553),
    pacsBPort: testPort(4554),
    orthancAPort: testPort(4563),
    orthancBPort: testPort(4564),
    sandboxDir: dir,
    serveApp: false,
    log: (line) => logged.push(line),
  });
  info = sandbox.info;
  const { launchUrl } = (await (await fetch(`${info.ehr}/api/launch?patient=phantom`)).json()) as {
    launchUrl: string;
  };
  const token = await launchAndGetToken({
    ehr: info.ehr,
    fhir: info.fhir,
    clientId: info.clientId,
    redirectUri: info.redirectUri,
    // A user-level token: these tests look at every patient's records (a patient scope would be kept
    // to phantom's, see fhir/fhir-access.ts).
    scope: 'launch user/*.rs',
    launch: new URL(launchUrl).searchParams.get('launch') ?? '',
  });
  auth = { Authorization: `Bearer ${String(token.body.access_token)}` };
}, 60_000);

afterAll(async () => {
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

async function fhir<T>(path: string): Promise<T> {
  const response = await fetch(`${info.fhir}/${path}`, { headers: auth });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

describe('the whole sandbox', () => {
  it('loads every sample DICOM and FHIR file without a warning', () => {
    expect(logged.filter((line) => line.includes('warning'))).toEqual([]);
  });

  it('describes the two-PACS study: localizer on pacs-b, the rest on pacs-a', () => {
    const study = info.studies[info.twoPacsStudy];
    expect(study?.pacs).toBe('a');
    expect(study?.series.map((s) => [s.number, s.instances, s.pacs])).toEqual([
      [100, 1, 'b'],
      [201, 28, 'a'],
      [401, 6, 'a'],
    ]);
    expect(info.pacs.a).toBe(`http://127.0.0.1:${testPort(4553)}/dicom-web`);
  });

  it('serves each series from the PACS its endpoint names, and only there', async () => {
    const bundle = await fhir<Bundle>(
      `ImagingStudy?patient=phantom&_include=ImagingStudy:endpoint&identifier=${encodeURIComponent(`urn:dicom:uid|urn:oid:${info.studies[info.twoPacsStudy]?.studyInstanceUid ?? ''}`)}`,
    );
    const resources = bundle.entry?.map((e) => e.resource) ?? [];
    const study = resources.find((r): r is ImagingStudy => r?.resourceType === 'ImagingStudy');
    const endpoints = resources.filter((r): r is Endpoint => r?.resourceType === 'Endpoint');
    expect(endpoints.map((e) => e.address).sort()).toEqual([info.pacs.a, info.pacs.b]);
    const studyUid = info.studies[info.twoPacsStudy]?.studyInstanceUid ?? '';
    const seriesOn = async (base: string, headers: Record<string, string>) => {
      const response = await fetch(`${base}/studies/${studyUid}/series`, { headers });
      expect(response.status).toBe(200);
      return ((await response.json()) as Record<string, { Value?: string[] }>[]).map(
        (s) => s['0020000E']?.Value?.[0],
      );
    };
    const localizer = study?.series?.find((s) => s.endpoint?.[0]?.reference === 'Endpoint/pacs-b');
    expect(await seriesOn(info.pacs.b, {})).toEqual([localizer?.uid]);
    expect((await seriesOn(info.pacs.a, auth)).sort()).toEqual(
      study?.series
        ?.filter((s) => s !== localizer)
        .map((s) => s.uid)
        .sort(),
    );
  });

  it('loads the transfer-syntax and colour studies with one series per file variant', async () => {
    expect(info.studies['phantom-transfer-syntaxes']?.series).toHaveLength(16);
    expect(info.studies['colour-emri-small']?.series).toHaveLength(4);
    const uid = info.studies['phantom-transfer-syntaxes']?.studyInstanceUid ?? '';
    const response = await fetch(`${info.pacs.a}/studies/${uid}/series`, { headers: auth });
    expect(((await response.json()) as unknown[]).length).toBe(16);
  });

  it('loads the real-world fixtures with launchable patients', async () => {
    const ukCore = await fhir<ImagingStudy>('ImagingStudy/UKCore-ImagingStudy-CTChestScan-Example');
    const patient = await fhir<Patient>(ukCore.subject?.reference ?? '');
    expect(patient.name?.[0]?.text).toBe('Richard Smith');
    const synthea = await fhir<ImagingStudy>('ImagingStudy/8723c94b-199f-4f31-8a76-0f196b6ee5eb');
    expect(synthea.subject?.reference).toBe('Patient/1d3b3586-5268-4ce8-b1eb-9fc7cc0947a4');
    const mado = await fhir<ImagingStudy>('ImagingStudy/1.2.250.1.59.40211.22756022.2.1.101');
    expect(mado.subject?.reference).toBe('Patient/pat-mrn--1097192655');
    const s4s = await fhir<ImagingStudy>('ImagingStudy/123');
    expect(s4s.subject?.reference).toMatch(/^Patient\/fixture-/);
    expect(info.patients).toEqual(
      expect.arrayContaining(['phantom', 'colour', 'dicom', 'pat-mrn--1097192655']),
    );
  });

  it('lists every patient on the launcher', async () => {
    const html = await (await fetch(info.launcher)).text();
    for (const patient of info.patients) expect(html).toContain(`data-testid="launch-${patient}"`);
  });
});
