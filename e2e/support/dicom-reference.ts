import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';

/**
 * Ground truth for pixel checks, computed from the DICOM file itself (not from anything the app
 * produced): the image after modality LUT and a linear VOI window, averaged over a coarse grid.
 */
export interface DicomImage {
  rows: number;
  columns: number;
  /** Modality values (e.g. HU) row by row. */
  values: Float64Array;
}

export function readUncompressedDicom(path: string): DicomImage {
  const bytes = readFileSync(path);
  const dataSet = dicomParser.parseDicom(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const rows = dataSet.uint16('x00280010') ?? 0;
  const columns = dataSet.uint16('x00280011') ?? 0;
  const bitsAllocated = dataSet.uint16('x00280100');
  const bitsStored = dataSet.uint16('x00280101') ?? bitsAllocated ?? 16;
  const signed = dataSet.uint16('x00280103') === 1;
  const slope = Number(dataSet.string('x00281053') ?? '1');
  const intercept = Number(dataSet.string('x00281052') ?? '0');
  const pixelElement = dataSet.elements.x7fe00010;
  if (!pixelElement || (bitsAllocated !== 16 && bitsAllocated !== 8) || pixelElement.encapsulatedPixelData) {
    throw new Error(`${path}: only uncompressed 8- and 16-bit images are supported as references.`);
  }
  const view = new DataView(dataSet.byteArray.buffer, dataSet.byteArray.byteOffset + pixelElement.dataOffset);
  const values = new Float64Array(rows * columns);
  // PS3.5 8.1.1: only the low BitsStored bits are the value, two's complement when signed.
  const span = 2 ** bitsStored;
  for (let i = 0; i < values.length; i += 1) {
    const word = bitsAllocated === 8 ? view.getUint8(i) : view.getUint16(i * 2, true);
    const low = word % span;
    const raw = signed && low >= span / 2 ? low - span : low;
    values[i] = raw * slope + intercept;
  }
  return { rows, columns, values };
}

/** DICOM PS3.3 C.11.2.1.2.1 linear VOI function, to 0..255. */
export function applyWindow(value: number, center: number, width: number): number {
  const low = center - 0.5 - (width - 1) / 2;
  const high = center - 0.5 + (width - 1) / 2;
  if (value <= low) return 0;
  if (value > high) return 255;
  return ((value - (center - 0.5)) / (width - 1) + 0.5) * 255;
}

/** A value through the VOI LUT Function SIGMOID (PS3.3 C.11.2.1.3.1), 0–255. */
export function applySigmoid(value: number, center: number, width: number): number {
  return 255 / (1 + Math.exp((-4 * (value - center)) / width));
}

/** Mean displayed value over a grid×grid partition of the image, through the linear or sigmoid window. */
export function windowedGrid(
  image: DicomImage,
  center: number,
  width: number,
  grid: number,
  voiFunction: 'LINEAR' | 'SIGMOID' = 'LINEAR',
): number[] {
  const apply = voiFunction === 'SIGMOID' ? applySigmoid : applyWindow;
  const sums = new Float64Array(grid * grid);
  const counts = new Float64Array(grid * grid);
  for (let y = 0; y < image.rows; y += 1) {
    const gy = Math.min(grid - 1, Math.floor((y * grid) / image.rows));
    for (let x = 0; x < image.columns; x += 1) {
      const gx = Math.min(grid - 1, Math.floor((x * grid) / image.columns));
      const cell = gy * grid + gx;
      sums[cell] = (sums[cell] ?? 0) + apply(image.values[y * image.columns + x] ?? 0, center, width);
      counts[cell] = (counts[cell] ?? 0) + 1;
    }
  }
  return Array.from(sums, (sum, i) => sum / (counts[i] || 1));
}

export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  const mean = (v: readonly number[]) => v.slice(0, n).reduce((s, x) => s + x, 0) / n;
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i += 1) {
    const da = (a[i] ?? 0) - ma;
    const db = (b[i] ?? 0) - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return va === 0 || vb === 0 ? 0 : cov / Math.sqrt(va * vb);
}

/**
 * The files of one series in anatomical order (position along the slice normal): the order a stack
 * viewer must show them in. An independent implementation from the app's, on purpose.
 */
export function filesInSliceOrder(paths: readonly string[]): string[] {
  const keyed = paths.map((path) => {
    const bytes = readFileSync(path);
    const dataSet = dicomParser.parseDicom(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      untilTag: 'x7fe00010',
    });
    const numbers = (tag: string) => (dataSet.string(tag) ?? '').split('\\').map(Number);
    const [r0 = 0, r1 = 0, r2 = 0, c0 = 0, c1 = 0, c2 = 0] = numbers('x00200037');
    const normal = [r1 * c2 - r2 * c1, r2 * c0 - r0 * c2, r0 * c1 - r1 * c0];
    const position = numbers('x00200032');
    const key = position.reduce((sum, value, i) => sum + value * (normal[i] ?? 0), 0);
    return { path, key };
  });
  return keyed.sort((a, b) => a.key - b.key).map((entry) => entry.path);
}

/**
 * The red channel of an uncompressed 8-bit YBR_FULL_422 image (PS3.3 C.7.6.3.1.2: each pair of pixels
 * is stored Y₁ Y₂ Cb Cr), converted with the YBR_FULL equations: what a viewer's red channel shows.
 */
export function readYbrFull422Red(path: string): DicomImage {
  const bytes = readFileSync(path);
  const dataSet = dicomParser.parseDicom(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const rows = dataSet.uint16('x00280010') ?? 0;
  const columns = dataSet.uint16('x00280011') ?? 0;
  const pixelElement = dataSet.elements.x7fe00010;
  if (
    dataSet.string('x00280004')?.trim() !== 'YBR_FULL_422' ||
    !pixelElement ||
    dataSet.uint16('x00280100') !== 8
  )
    throw new Error(`${path}: not an uncompressed 8-bit YBR_FULL_422 image.`);
  const pixels = dataSet.byteArray.subarray(pixelElement.dataOffset);
  const values = new Float64Array(rows * columns);
  for (let i = 0; i < values.length; i += 1) {
    const pair = Math.floor(i / 2) * 4;
    const y = pixels[pair + (i % 2)] ?? 0;
    const cr = pixels[pair + 3] ?? 128;
    values[i] = Math.min(255, Math.max(0, y + 1.402 * (cr - 128)));
  }
  return { rows, columns, values };
}

/**
 * Image Position (Patient) of every DICOM file in a folder, by SOP Instance UID: ground truth for
 * which slice is where (the header only is parsed).
 */
export function slicePositionsIn(folder: string): Map<string, [number, number, number]> {
  const positions = new Map<string, [number, number, number]>();
  for (const name of readdirSync(folder)) {
    const bytes = readFileSync(join(folder, name));
    const dataSet = dicomParser.parseDicom(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      untilTag: 'x7fe00010',
    });
    const uid = dataSet.string('x00080018');
    const [x, y, z] = (dataSet.string('x00200032') ?? '').split('\\').map(Number);
    if (uid && x !== undefined && y !== undefined && z !== undefined) positions.set(uid, [x, y, z]);
  }
  return positions;
}
