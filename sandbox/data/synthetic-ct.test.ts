import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readUncompressedDicom } from '../../e2e/support/dicom-reference.ts';
import { summarizeDicom } from '../pacs/dicom-summary.ts';
import { ensureSyntheticStudies, SYNTHETIC_CT_SLICES, syntheticCtSliceHu } from './synthetic-ct.ts';

const dir = mkdtempSync(join(tmpdir(), 'synthetic-ct-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic studies', () => {
  it('writes a readable 300-slice CT and a MONOCHROME1 radiograph, deterministically', async () => {
    const patient = { id: 'PLASTIC', name: 'HEAD' };
    const folders = await ensureSyntheticStudies(dir, patient);
    const files = readdirSync(folders.ct).sort();
    expect(files).toHaveLength(SYNTHETIC_CT_SLICES);
    const first = readFileSync(join(folders.ct, files[0] ?? ''));
    const summary = summarizeDicom(first);
    expect(summary).toMatchObject({
      modality: 'CT',
      patientId: 'PLASTIC',
      patientName: 'HEAD',
      instanceNumber: 1,
    });
    const image = readUncompressedDicom(join(folders.ct, files[10] ?? ''));
    expect(image.rows).toBe(512);
    expect(Array.from(image.values.slice(0, 4))).toEqual([-1000, -1000, -1000, -1000]);
    expect(Array.from(image.values)).toEqual(Array.from(syntheticCtSliceHu(10, SYNTHETIC_CT_SLICES)));
    const cr = summarizeDicom(readFileSync(join(folders.cr, 'monochrome1.dcm')));
    expect(cr.modality).toBe('CR');
    // A second call finds the cache.
    expect(await ensureSyntheticStudies(dir, patient)).toEqual(folders);
    const again = readFileSync(join(folders.ct, files[0] ?? ''));
    expect(again.equals(first)).toBe(true);
  }, 60_000);

  it('makes every slice different', () => {
    const a = syntheticCtSliceHu(0, 300, 128);
    const b = syntheticCtSliceHu(1, 300, 128);
    expect(a.some((value, i) => value !== b[i])).toBe(true);
  });
});
