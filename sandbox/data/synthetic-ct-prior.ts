import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deterministicUid } from '../pacs/dicom-uid-rewrite.ts';
import { grayscaleImageModule, writePart10 } from '../pacs/synthetic-dicom.ts';
import {
  syntheticCtFrameOfReferenceUid,
  syntheticCtSliceHu,
  syntheticCtSliceZ,
  SYNTHETIC_CT_SLICES,
  type SyntheticPatient,
} from './synthetic-ct.ts';

/** Bump when the generated pixels or attributes change, so cached files are regenerated. */
const VERSION = 'v1';
export const SYNTHETIC_CT_PRIOR_SLICES = 60;
const SIZE = 256;
const SPACING_MM = 5;
const HU_OFFSET = 1024;

/**
 * Image Position (Patient) z of the prior's slice `index`: 5 mm apart from −147.5, half a step off the
 * current CT's 1 mm grid, so "the matching slice" is the nearest one, not an exact hit.
 */
export function syntheticCtPriorSliceZ(index: number): number {
  return -147.5 + SPACING_MM * index;
}

/**
 * The synthetic CT's prior, a year older: 60 slices of 5 mm at 1 mm pixels over the same body, in
 * the same frame of reference (the same scanner's patient coordinates), each slice showing what the
 * 300-slice CT shows at its position. Compare's suggested prior and its scroll-sync check.
 */
function priorSlice(index: number, patient: SyntheticPatient): Buffer {
  const z = syntheticCtPriorSliceZ(index);
  const nearest = Math.min(SYNTHETIC_CT_SLICES - 1, Math.max(0, Math.round(z - syntheticCtSliceZ(0))));
  const full = syntheticCtSliceHu(nearest, SYNTHETIC_CT_SLICES);
  const fullSize = Math.round(Math.sqrt(full.length));
  const stored = new Uint16Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y += 1)
    for (let x = 0; x < SIZE; x += 1)
      stored[y * SIZE + x] = (full[2 * y * fullSize + 2 * x] ?? 0) + HU_OFFSET;
  const uid = (what: string) => deterministicUid(`sandbox:synthetic-ct-prior:${VERSION}:${what}`, 64);
  return writePart10({
    '00080008': { vr: 'CS', value: 'DERIVED\\SECONDARY\\AXIAL' },
    '00080016': { vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' },
    '00080018': { vr: 'UI', value: uid(`instance:${index}`) },
    '00080020': { vr: 'DA', value: '20250101' },
    '00080030': { vr: 'TM', value: '120000' },
    '00080050': { vr: 'SH', value: 'SYNTH060' },
    '00080060': { vr: 'CS', value: 'CT' },
    '00081030': { vr: 'LO', value: `Synthetic CT prior, ${SYNTHETIC_CT_PRIOR_SLICES} slices` },
    '0008103E': { vr: 'LO', value: `Synthetic phantom ${SIZE}x${SIZE}, ${SPACING_MM} mm` },
    '00100010': { vr: 'PN', value: patient.name },
    '00100020': { vr: 'LO', value: patient.id },
    '00180050': { vr: 'DS', value: String(SPACING_MM) },
    '0020000D': { vr: 'UI', value: uid('study') },
    '0020000E': { vr: 'UI', value: uid('series') },
    '00200010': { vr: 'SH', value: '1' },
    '00200011': { vr: 'IS', value: '1' },
    '00200013': { vr: 'IS', value: String(index + 1) },
    '00200032': { vr: 'DS', value: `-255.5\\-255.5\\${z.toFixed(1)}` },
    '00200037': { vr: 'DS', value: '1\\0\\0\\0\\1\\0' },
    '00200052': { vr: 'UI', value: syntheticCtFrameOfReferenceUid() },
    '00201041': { vr: 'DS', value: z.toFixed(1) },
    ...grayscaleImageModule({
      size: SIZE,
      photometric: 'MONOCHROME2',
      bitsStored: 16,
      window: { center: 40, width: 400 },
    }),
    '00280030': { vr: 'DS', value: '1\\1' },
    '00281052': { vr: 'DS', value: String(-HU_OFFSET) },
    '00281053': { vr: 'DS', value: '1' },
    '00281054': { vr: 'LO', value: 'HU' },
    '7FE00010': { vr: 'OW', value: new Uint8Array(stored.buffer) },
  });
}

/** Writes the prior under `cacheDir` unless an earlier run did (same VERSION); see synthetic-ct.ts. */
export async function ensureSyntheticCtPrior(cacheDir: string, patient: SyntheticPatient): Promise<string> {
  const folder = join(cacheDir, `synthetic-ct-prior-${VERSION}-${patient.id}`);
  if (existsSync(folder) && (await readdir(folder)).length === SYNTHETIC_CT_PRIOR_SLICES) return folder;
  const temporary = `${folder}.tmp-${process.pid}`;
  await mkdir(temporary, { recursive: true });
  for (let index = 0; index < SYNTHETIC_CT_PRIOR_SLICES; index += 1)
    await writeFile(
      join(temporary, `slice-${String(index + 1).padStart(2, '0')}.dcm`),
      priorSlice(index, patient),
    );
  await rename(temporary, folder).catch((error: unknown) => {
    // Another sandbox finished first: its files are the same bytes.
    if (!existsSync(folder)) throw error;
  });
  return folder;
}
