import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deterministicUid } from '../pacs/dicom-uid-rewrite.ts';
import { grayscaleImageModule, writePart10, type DicomElements } from '../pacs/synthetic-dicom.ts';

/** Bump when the generated pixels or attributes change, so cached files are regenerated. */
const VERSION = 'v1';
export const SYNTHETIC_CT_SLICES = 300;
const SIZE = 512;
const HU_OFFSET = 1024;

/** Soft tissue of the synthetic body, in HU: ROI measurements inside it must read about this. */
export const SYNTHETIC_SOFT_TISSUE_HU = 40;

/** The synthetic CT's frame of reference, which its prior (synthetic-ct-prior.ts) shares. */
export function syntheticCtFrameOfReferenceUid(): string {
  return deterministicUid(`sandbox:synthetic-ct:${VERSION}:frame-of-reference`, 64);
}

/** Image Position (Patient) z of slice `index` of the synthetic CT, mm (1 mm apart, −150 first). */
export function syntheticCtSliceZ(index: number): number {
  return index - SYNTHETIC_CT_SLICES / 2;
}

/** SOP Instance UID of slice `index` of the synthetic CT (0 first, InstanceNumber `index + 1`). */
export function syntheticCtInstanceUid(index: number): string {
  return deterministicUid(`sandbox:synthetic-ct:${VERSION}:instance:${index}`, 64);
}

export interface SyntheticPatient {
  readonly id: string;
  /** DICOM PN, `FAMILY^GIVEN`. */
  readonly name: string;
}

/** Deterministic noise in [-1, 1): an integer hash, so every run writes the same bytes. */
function noise(x: number, y: number, z: number): number {
  let h = (x * 374761393 + y * 668265263 + z * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return ((h >>> 0) % 2000) / 1000 - 1;
}

/**
 * One slice of a synthetic head-sized phantom, in HU: air, a soft-tissue ellipse with a bone rim,
 * a lung-density disc, a contrast disc whose radius follows the slice and a square that moves across
 * the stack, so that every slice is different and scroll position can be read from the pixels.
 */
export function syntheticCtSliceHu(index: number, total: number, size = SIZE): Int16Array {
  const hu = new Int16Array(size * size);
  const c = size / 2;
  const t = total > 1 ? index / (total - 1) : 0;
  const contrastRadius = 12 + 48 * Math.sin(Math.PI * t);
  const squareX = -150 + 300 * t;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const dx = x - c;
      const dy = y - c;
      const body = (dx / 200) ** 2 + (dy / 170) ** 2;
      let value = -1000;
      if (body <= 1) {
        value = body > 0.92 ? 700 : SYNTHETIC_SOFT_TISSUE_HU + Math.round(8 * noise(x, y, index));
        if ((dx + 90) ** 2 + dy ** 2 < 55 ** 2) value = -800;
        if ((dx - 90) ** 2 + dy ** 2 < contrastRadius ** 2) value = 300;
        if (Math.abs(dx - squareX) < 15 && Math.abs(dy - 110) < 15) value = 1000;
      }
      hu[y * size + x] = value;
    }
  }
  return hu;
}

function ctSlice(index: number, patient: SyntheticPatient): Buffer {
  const hu = syntheticCtSliceHu(index, SYNTHETIC_CT_SLICES);
  const stored = new Uint16Array(hu.length);
  for (let i = 0; i < hu.length; i += 1) stored[i] = (hu[i] ?? 0) + HU_OFFSET;
  const uid = (what: string) => deterministicUid(`sandbox:synthetic-ct:${VERSION}:${what}`, 64);
  const z = syntheticCtSliceZ(index).toFixed(1);
  const elements: DicomElements = {
    '00080008': { vr: 'CS', value: 'DERIVED\\SECONDARY\\AXIAL' },
    '00080016': { vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' },
    '00080018': { vr: 'UI', value: syntheticCtInstanceUid(index) },
    '00080020': { vr: 'DA', value: '20260101' },
    '00080030': { vr: 'TM', value: '120000' },
    '00080050': { vr: 'SH', value: 'SYNTH300' },
    '00080060': { vr: 'CS', value: 'CT' },
    '00081030': { vr: 'LO', value: `Synthetic CT, ${SYNTHETIC_CT_SLICES} slices` },
    '0008103E': { vr: 'LO', value: `Synthetic phantom ${SIZE}x${SIZE}` },
    '00100010': { vr: 'PN', value: patient.name },
    '00100020': { vr: 'LO', value: patient.id },
    '00180050': { vr: 'DS', value: '1' },
    '0020000D': { vr: 'UI', value: uid('study') },
    '0020000E': { vr: 'UI', value: uid('series') },
    '00200010': { vr: 'SH', value: '1' },
    '00200011': { vr: 'IS', value: '1' },
    '00200013': { vr: 'IS', value: String(index + 1) },
    '00200032': { vr: 'DS', value: `-255.5\\-255.5\\${z}` },
    '00200037': { vr: 'DS', value: '1\\0\\0\\0\\1\\0' },
    '00200052': { vr: 'UI', value: syntheticCtFrameOfReferenceUid() },
    '00201041': { vr: 'DS', value: z },
    ...grayscaleImageModule({
      size: SIZE,
      photometric: 'MONOCHROME2',
      bitsStored: 16,
      window: { center: 40, width: 400 },
    }),
    '00280030': { vr: 'DS', value: '0.5\\0.5' },
    '00281052': { vr: 'DS', value: String(-HU_OFFSET) },
    '00281053': { vr: 'DS', value: '1' },
    '00281054': { vr: 'LO', value: 'HU' },
    '7FE00010': { vr: 'OW', value: new Uint8Array(stored.buffer) },
  };
  return writePart10(elements);
}

/**
 * A MONOCHROME1 radiograph (CR): high stored values are dark. A left-to-right ramp with a bright
 * (low-valued) disc, so an image shown with the wrong polarity is easy to tell from the right one.
 */
function monochrome1Radiograph(patient: SyntheticPatient): Buffer {
  const size = 256;
  const stored = new Uint16Array(size * size);
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1) {
      const disc = (x - 160) ** 2 + (y - 100) ** 2 < 40 ** 2;
      stored[y * size + x] = disc ? 300 : Math.round(500 + (3000 * x) / size + 400 * Math.sin(y / 20));
    }
  const uid = (what: string) => deterministicUid(`sandbox:synthetic-cr:${VERSION}:${what}`, 64);
  return writePart10({
    '00080016': { vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.1' },
    '00080018': { vr: 'UI', value: uid('instance') },
    '00080020': { vr: 'DA', value: '20260102' },
    '00080060': { vr: 'CS', value: 'CR' },
    '00081030': { vr: 'LO', value: 'Synthetic radiograph (MONOCHROME1)' },
    '0008103E': { vr: 'LO', value: 'MONOCHROME1 ramp' },
    '00100010': { vr: 'PN', value: patient.name },
    '00100020': { vr: 'LO', value: patient.id },
    '0020000D': { vr: 'UI', value: uid('study') },
    '0020000E': { vr: 'UI', value: uid('series') },
    '00200011': { vr: 'IS', value: '1' },
    '00200013': { vr: 'IS', value: '1' },
    ...grayscaleImageModule({
      size,
      photometric: 'MONOCHROME1',
      bitsStored: 12,
      window: { center: 2048, width: 4096 },
    }),
    '7FE00010': { vr: 'OW', value: new Uint8Array(stored.buffer) },
  });
}

export interface SyntheticFolders {
  /** The 300-slice CT series. */
  readonly ct: string;
  /** The one-image MONOCHROME1 radiograph. */
  readonly cr: string;
}

/**
 * Writes the synthetic studies under `cacheDir` unless an earlier run did (same VERSION): a fresh
 * generation takes a few seconds, a cached one nothing. Files are written to a temporary folder and
 * renamed, so an interrupted run never leaves a half series behind.
 */
export async function ensureSyntheticStudies(
  cacheDir: string,
  patient: SyntheticPatient,
): Promise<SyntheticFolders> {
  const root = join(cacheDir, `synthetic-${VERSION}-${patient.id}`);
  const folders = { ct: join(root, 'ct'), cr: join(root, 'cr') };
  if (existsSync(folders.ct) && existsSync(folders.cr)) {
    const count = (await readdir(folders.ct)).length;
    if (count === SYNTHETIC_CT_SLICES) return folders;
  }
  const temporary = `${root}.tmp-${process.pid}`;
  await mkdir(join(temporary, 'ct'), { recursive: true });
  await mkdir(join(temporary, 'cr'), { recursive: true });
  for (let index = 0; index < SYNTHETIC_CT_SLICES; index += 1) {
    await writeFile(
      join(temporary, 'ct', `slice-${String(index + 1).padStart(3, '0')}.dcm`),
      ctSlice(index, patient),
    );
  }
  await writeFile(join(temporary, 'cr', 'monochrome1.dcm'), monochrome1Radiograph(patient));
  await mkdir(cacheDir, { recursive: true });
  await rename(temporary, root).catch(async (error: unknown) => {
    // Another sandbox finished first: its files are the same bytes.
    if (!existsSync(folders.ct)) throw error;
  });
  return folders;
}
