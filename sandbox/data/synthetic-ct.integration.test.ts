import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { summarizeDicom } from '../pacs/dicom-summary.ts';
import { ensureSyntheticStudies, SYNTHETIC_CT_SLICES, syntheticCtSliceHu } from './synthetic-ct.ts';

/**
 * Reads a 16-bit uncompressed slice back as modality values (stored × slope + intercept) with
 * dicom-parser, independently of the writer under test. Kept here rather than borrowed from
 * e2e/support: the sandbox is tested on its own, and e2e depends on it, not the other way round.
 */
function readModalityValues(path: string): { rows: number; values: Float64Array } {
  const bytes = readFileSync(path);
  const dataSet = dicomParser.parseDicom(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const rows = dataSet.uint16('x00280010') ?? 0;
  const columns = dataSet.uint16('x00280011') ?? 0;
  const signed = dataSet.uint16('x00280103') === 1;
  const slope = Number(dataSet.string('x00281053') ?? '1');
  const intercept = Number(dataSet.string('x00281052') ?? '0');
  const pixels = dataSet.elements.x7fe00010;
  if (!pixels || dataSet.uint16('x00280100') !== 16 || pixels.encapsulatedPixelData) {
    throw new Error(`${path}: not an uncompressed 16-bit image.`);
  }
  const view = new DataView(dataSet.byteArray.buffer, dataSet.byteArray.byteOffset + pixels.dataOffset);
  const values = new Float64Array(rows * columns);
  for (let i = 0; i < values.length; i += 1) {
    values[i] = (signed ? view.getInt16(i * 2, true) : view.getUint16(i * 2, true)) * slope + intercept;
  }
  return { rows, values };
}

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
    const image = readModalityValues(join(folders.ct, files[10] ?? ''));
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
