import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deterministicUid } from '../pacs/dicom-uid-rewrite.ts';
import { writePart10, type DicomElements } from '../pacs/synthetic-dicom.ts';
import type { SyntheticPatient } from './synthetic-ct.ts';

/** Bump when the generated pixels or attributes change, so cached files are regenerated. */
const VERSION = 'v2';
export const ENCODING_IMAGE_SIZE = 128;

/**
 * One way of storing pixels: the attributes that turn stored values into modality values, and the
 * modality range the image spans. Each becomes a series of one image whose values are known.
 */
export interface PixelEncoding {
  readonly name: string;
  readonly bitsAllocated: 8 | 16;
  readonly bitsStored: number;
  readonly signed: boolean;
  readonly slope: number;
  readonly intercept: number;
  /** Modality values the ramp spans; the block holds `high`. */
  readonly low: number;
  readonly high: number;
  /** Step between modality values (the stored values are integers). */
  readonly step: number;
  readonly modality: 'CT' | 'MR' | 'OT';
  /** WindowCenter/WindowWidth as written (backslash-separated), or none. */
  readonly window?: { center: string; width: string };
  /** VOI LUT Function (0028,1056), when not the default LINEAR. */
  readonly voiLutFunction?: 'SIGMOID';
}

export const PIXEL_ENCODINGS: readonly PixelEncoding[] = [
  // CT stored ×16: every stored value is a multiple of 16 and bone is above 32767.
  {
    name: 'u16 CT x16 slope 1/16',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    slope: 0.0625,
    intercept: -1024,
    low: -1024,
    high: 3071,
    step: 1,
    modality: 'CT',
    window: { center: '1000', width: '4200' },
  },
  // 12-bit multiples of 16 with slope 1/16: modality 0..255, stored up to 4080.
  {
    name: 'u12 x16 slope 1/16',
    bitsAllocated: 16,
    bitsStored: 12,
    signed: false,
    slope: 0.0625,
    intercept: 0,
    low: 0,
    high: 255,
    step: 1,
    modality: 'OT',
    window: { center: '128', width: '256' },
  },
  {
    name: 'u16 intercept -32768',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    slope: 1,
    intercept: -32768,
    low: -30000,
    high: 30000,
    step: 1,
    modality: 'OT',
    window: { center: '0', width: '61000' },
  },
  {
    name: 'u16 fractional slope 2.5',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    slope: 2.5,
    intercept: 0.5,
    low: 0.5,
    high: 150000.5,
    step: 2.5,
    modality: 'OT',
    window: { center: '75000', width: '151000' },
  },
  {
    name: 'u16 negative slope',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    slope: -1,
    intercept: 0,
    low: -4000,
    high: -100,
    step: 1,
    modality: 'OT',
    window: { center: '-2000', width: '4000' },
  },
  {
    name: 's16 CT',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: true,
    slope: 1,
    intercept: 0,
    low: -1024,
    high: 3071,
    step: 1,
    modality: 'CT',
    window: { center: '1000', width: '4200' },
  },
  {
    name: 's12 intercept -1024',
    bitsAllocated: 16,
    bitsStored: 12,
    signed: true,
    slope: 1,
    intercept: -1024,
    low: -3000,
    high: 900,
    step: 1,
    modality: 'CT',
    window: { center: '-1000', width: '4000' },
  },
  {
    name: 'u8 slope 4 intercept -512',
    bitsAllocated: 8,
    bitsStored: 8,
    signed: false,
    slope: 4,
    intercept: -512,
    low: -512,
    high: 508,
    step: 4,
    modality: 'OT',
    window: { center: '0', width: '1024' },
  },
  {
    name: 's8',
    bitsAllocated: 8,
    bitsStored: 8,
    signed: true,
    slope: 1,
    intercept: 0,
    low: -128,
    high: 127,
    step: 1,
    modality: 'OT',
    window: { center: '0', width: '256' },
  },
  // Windows that are not windows: the first is width 0, the second valid (it must be the one used).
  {
    name: 'u16 CT x16, window 0 then 1500',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    slope: 0.0625,
    intercept: -1024,
    low: -1024,
    high: 3071,
    step: 1,
    modality: 'CT',
    window: { center: '40\\300', width: '0\\1500' },
  },
  // No valid window at all: the pixel range.
  {
    name: 'u16 CT x16, window -400 only',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    slope: 0.0625,
    intercept: -1024,
    low: -1024,
    high: 3071,
    step: 1,
    modality: 'CT',
    window: { center: '40', width: '-400' },
  },
  // VOI LUT Function SIGMOID (PS3.3 C.11.2.1.3.1): the window's edges are at 12 % and 88 %, not
  // black and white, and values beyond them still differ.
  {
    name: 'u16 CT sigmoid',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    slope: 1,
    intercept: -1024,
    low: -1024,
    high: 3071,
    step: 1,
    modality: 'CT',
    window: { center: '1000', width: '1500' },
    voiLutFunction: 'SIGMOID',
  },
];

/** Where the constant block of `high` is (for ROI checks): columns and rows [start, end). */
export const ENCODING_BLOCK = { x0: 80, x1: 112, y0: 16, y1: 48 } as const;

/** The modality value the generator meant at (x, y): a left-to-right ramp, a block of `high`. */
export function encodingModalityValue(encoding: PixelEncoding, x: number, y: number): number {
  const { low, high, step } = encoding;
  const inBlock =
    x >= ENCODING_BLOCK.x0 && x < ENCODING_BLOCK.x1 && y >= ENCODING_BLOCK.y0 && y < ENCODING_BLOCK.y1;
  if (inBlock) return high;
  const steps = Math.round(((high - low) / step) * (x / (ENCODING_IMAGE_SIZE - 1)) * (y < 64 ? 1 : 0.5));
  return low + steps * step;
}

function storedPixels(encoding: PixelEncoding): Uint8Array {
  const n = ENCODING_IMAGE_SIZE * ENCODING_IMAGE_SIZE;
  const bytes = new Uint8Array(n * (encoding.bitsAllocated / 8));
  const view = new DataView(bytes.buffer);
  for (let y = 0; y < ENCODING_IMAGE_SIZE; y += 1)
    for (let x = 0; x < ENCODING_IMAGE_SIZE; x += 1) {
      const value = encodingModalityValue(encoding, x, y);
      const stored = Math.round((value - encoding.intercept) / encoding.slope);
      const i = y * ENCODING_IMAGE_SIZE + x;
      if (encoding.bitsAllocated === 8) view.setUint8(i, stored & 0xff);
      else view.setUint16(i * 2, stored & 0xffff, true);
    }
  return bytes;
}

interface ImagePlace {
  series: string;
  seriesNumber: number;
  instanceNumber: number;
  description: string;
  pixels: Uint8Array;
}

function encodingImage(encoding: PixelEncoding, place: ImagePlace, patient: SyntheticPatient): Buffer {
  const uid = (what: string) => deterministicUid(`sandbox:pixel-encodings:${VERSION}:${what}`, 64);
  const window: DicomElements = encoding.window
    ? {
        '00281050': { vr: 'DS', value: encoding.window.center },
        '00281051': { vr: 'DS', value: encoding.window.width },
      }
    : {};
  return writePart10({
    '00080016': { vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.7' },
    '00080018': { vr: 'UI', value: uid(`instance:${place.series}:${place.instanceNumber}`) },
    '00080020': { vr: 'DA', value: '20260103' },
    '00080060': { vr: 'CS', value: encoding.modality },
    '00081030': { vr: 'LO', value: 'Synthetic pixel encodings' },
    '0008103E': { vr: 'LO', value: place.description },
    '00100010': { vr: 'PN', value: patient.name },
    '00100020': { vr: 'LO', value: patient.id },
    '0020000D': { vr: 'UI', value: uid('study') },
    '0020000E': { vr: 'UI', value: uid(`series:${place.series}`) },
    '00200011': { vr: 'IS', value: String(place.seriesNumber) },
    '00200013': { vr: 'IS', value: String(place.instanceNumber) },
    '00280002': { vr: 'US', value: 1 },
    '00280004': { vr: 'CS', value: 'MONOCHROME2' },
    '00280010': { vr: 'US', value: ENCODING_IMAGE_SIZE },
    '00280011': { vr: 'US', value: ENCODING_IMAGE_SIZE },
    '00280030': { vr: 'DS', value: '1\\1' },
    '00280100': { vr: 'US', value: encoding.bitsAllocated },
    '00280101': { vr: 'US', value: encoding.bitsStored },
    '00280102': { vr: 'US', value: encoding.bitsStored - 1 },
    '00280103': { vr: 'US', value: encoding.signed ? 1 : 0 },
    ...window,
    ...(encoding.voiLutFunction ? { '00281056': { vr: 'CS', value: encoding.voiLutFunction } } : {}),
    '00281052': { vr: 'DS', value: String(encoding.intercept) },
    '00281053': { vr: 'DS', value: String(encoding.slope) },
    '7FE00010': { vr: encoding.bitsAllocated === 8 ? 'OB' : 'OW', value: place.pixels },
  });
}

/** Images in the stack series whose frames the e2e breaks one by one (each has its own bar). */
export const STACK_IMAGES = 4;
const STACK_ENCODING = PIXEL_ENCODINGS[5] as PixelEncoding;

/** Stack image k (signed 16-bit CT): a 2000 HU bar at rows 16 + 28k … 31 + 28k, so each is told apart. */
function stackPixels(k: number): Uint8Array {
  const values = new Int16Array(ENCODING_IMAGE_SIZE * ENCODING_IMAGE_SIZE);
  for (let y = 0; y < ENCODING_IMAGE_SIZE; y += 1)
    for (let x = 0; x < ENCODING_IMAGE_SIZE; x += 1)
      values[y * ENCODING_IMAGE_SIZE + x] = y >= 16 + 28 * k && y < 32 + 28 * k ? 2000 : -1000 + 8 * x;
  return new Uint8Array(values.buffer);
}

/** The file name of an encoding's image (series order = PIXEL_ENCODINGS order). */
export function encodingFileName(index: number): string {
  return `encoding-${String(index + 1).padStart(2, '0')}.dcm`;
}

/** Writes the study under `cacheDir` unless an earlier run did (same VERSION); see synthetic-ct.ts. */
export async function ensurePixelEncodingStudy(cacheDir: string, patient: SyntheticPatient): Promise<string> {
  const folder = join(cacheDir, `pixel-encodings-${VERSION}-${patient.id}`);
  if (existsSync(folder) && (await readdir(folder)).length === PIXEL_ENCODINGS.length + STACK_IMAGES)
    return folder;
  const temporary = `${folder}.tmp-${process.pid}`;
  await mkdir(temporary, { recursive: true });
  for (const [index, encoding] of PIXEL_ENCODINGS.entries())
    await writeFile(
      join(temporary, encodingFileName(index)),
      encodingImage(
        encoding,
        {
          series: String(index),
          seriesNumber: index + 1,
          instanceNumber: 1,
          description: encoding.name,
          pixels: storedPixels(encoding),
        },
        patient,
      ),
    );
  for (let k = 0; k < STACK_IMAGES; k += 1)
    await writeFile(
      join(temporary, `stack-${k + 1}.dcm`),
      encodingImage(
        STACK_ENCODING,
        {
          series: 'stack',
          seriesNumber: 100,
          instanceNumber: k + 1,
          description: 'stack',
          pixels: stackPixels(k),
        },
        patient,
      ),
    );
  await rename(temporary, folder).catch((error: unknown) => {
    // Another sandbox finished first: its files are the same bytes.
    if (!existsSync(folder)) throw error;
  });
  return folder;
}
