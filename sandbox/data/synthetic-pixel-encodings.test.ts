import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDicomFiles } from '../pacs/dicom-files.ts';
import {
  ENCODING_IMAGE_SIZE,
  encodingModalityValue,
  ensurePixelEncodingStudy,
  PIXEL_ENCODINGS,
  STACK_IMAGES,
} from './synthetic-pixel-encodings.ts';

const patient = { id: 'PLASTIC', name: 'HEAD' };
const cache = await mkdtemp(join(tmpdir(), 'pixel-encodings-'));

/** The modality value of pixel i, decoded from the file's last bytes (pixel data is written last). */
function modalityValueAt(bytes: Buffer, index: number): (at: number) => number {
  const encoding = PIXEL_ENCODINGS[index];
  if (!encoding) throw new Error('no encoding');
  const n = ENCODING_IMAGE_SIZE * ENCODING_IMAGE_SIZE;
  const width = encoding.bitsAllocated / 8;
  const start = bytes.length - n * width;
  return (at: number) => {
    const word = width === 1 ? bytes.readUInt8(start + at) : bytes.readUInt16LE(start + 2 * at);
    const span = 2 ** encoding.bitsStored;
    const low = word % span;
    const stored = encoding.signed && low >= span / 2 ? low - span : low;
    return stored * encoding.slope + encoding.intercept;
  };
}

describe('the pixel-encodings study', () => {
  afterAll(() => rm(cache, { recursive: true, force: true }));

  it('has one single-image series per encoding and a short stack, in one study', async () => {
    const files = await readDicomFiles(await ensurePixelEncodingStudy(cache, patient), () => undefined);
    expect(files).toHaveLength(PIXEL_ENCODINGS.length + STACK_IMAGES);
    expect(new Set(files.map((file) => file.summary.studyInstanceUid)).size).toBe(1);
    expect(new Set(files.map((file) => file.summary.seriesInstanceUid)).size).toBe(
      PIXEL_ENCODINGS.length + 1,
    );
    const stack = files.filter((file) => file.summary.seriesDescription === 'stack');
    expect(stack.map((file) => file.summary.instanceNumber).sort()).toEqual([1, 2, 3, 4]);
  });

  it.each(PIXEL_ENCODINGS.map((encoding, index) => [encoding.name, index] as const))(
    '%s stores exactly the modality values it means',
    async (_name, index) => {
      const files = await readDicomFiles(await ensurePixelEncodingStudy(cache, patient), () => undefined);
      const encoding = PIXEL_ENCODINGS[index];
      const file = files.find((candidate) => candidate.summary.seriesDescription === encoding?.name);
      if (!file || !encoding) throw new Error('missing');
      const valueAt = modalityValueAt(file.bytes, index);
      for (let y = 0; y < ENCODING_IMAGE_SIZE; y += 7)
        for (let x = 0; x < ENCODING_IMAGE_SIZE; x += 3)
          expect(valueAt(y * ENCODING_IMAGE_SIZE + x)).toBe(encodingModalityValue(encoding, x, y));
    },
  );
});
