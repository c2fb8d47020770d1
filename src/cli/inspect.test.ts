/** Runs the real CLI the way `npm run inspect` does, on the project's fixture files. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InspectReport } from './inspect-report';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => `sandbox/data/fhir/${name}`;

function inspect(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/inspect.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function stderrLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.length > 0);
}

describe('inspect CLI', { timeout: 60_000 }, () => {
  it('prints one JSON report, pooling Endpoints from another file, and exits 0', () => {
    const run = inspect(
      fixture('hl7-r4-imagingstudy-example-xr.json'),
      fixture('hl7-r4-endpoint-example-wadors.json'),
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as InspectReport;
    expect(run.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    const study = report.studies[0];
    if (!study) throw new Error('no study in the report');
    expect(Object.keys(study)).toEqual([
      'id',
      'studyInstanceUid',
      'modalities',
      'availability',
      'wadoRs',
      'iid',
      'errors',
      'series',
    ]);
    expect(Object.keys(study.series[0] ?? {})).toEqual([
      'uid',
      'modality',
      'availability',
      'wadoRs',
      'wadoRsFrom',
      'wadoUri',
      'wadoUriFrom',
      'metadataUrl',
      'errors',
      'instances',
    ]);
    expect(Object.keys(study.series[0]?.instances[0] ?? {})).toEqual([
      'uid',
      'wadoRsUrl',
      'wadoUriUrl',
      'errors',
    ]);
    expect(study.series[0]?.wadoRsFrom).toBe('series');
    expect(study.series[0]?.instances[1]?.wadoRsUrl).toBe(
      'https://pacs.hospital.org/wado-rs/studies/2.16.124.113543.6003.1154777499.30246.19789.3503430046/series/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1/instances/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1.2',
    );
  });

  it('exits 0 and lists the studies in file order even when every study has errors', () => {
    const run = inspect(
      fixture('ihe-rad-mado-bundle-study-102.json'),
      fixture('synthea-r4-jordan-cruickshank-imagingstudy-bundle.json'),
      fixture('wales-imagingstudy-ctabdomen.json'),
      fixture('hl7-r4-patient-dicom.json'),
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as InspectReport;
    expect(report.studies.map((study) => study.id)).toEqual([
      '1.2.250.1.59.40211.22756022.2.1.102',
      '3c2d562d-cdcc-4f37-805e-7ebb19b4e3ff',
      'Example-DataStandardsWales-ImagingStudy-CTAbdomen',
    ]);
    expect(report.studies[2]?.errors).toContain(
      'Endpoint reference "Endpoint/Example-DataStandardsWales-Endpoint-Dicom" could not be resolved.',
    );
  });

  it('exits 2 with one stderr line for a missing file', () => {
    const run = inspect(fixture('hl7-r4-imagingstudy-example.json'), 'no/such/file.json');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run.stderr)).toEqual(['inspect: cannot read "no/such/file.json": no such file']);
  });

  it('exits 2 with one stderr line for a file that is not JSON', () => {
    const run = inspect(fixture('s4s-imaging-readme-imagingstudy-contained-endpoint.jsonc'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = stderrLines(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^inspect: "sandbox\/data\/fhir\/s4s-imaging-readme-imagingstudy-contained-endpoint\.jsonc" is not valid JSON \(.+\)$/,
    );
  });

  it('exits 2 with the usage line when given no files', () => {
    const run = inspect();
    expect(run.status).toBe(2);
    expect(stderrLines(run.stderr)).toEqual([
      expect.stringMatching(/^usage: npm run --silent inspect -- FILE\.json/),
    ]);
  });
});
