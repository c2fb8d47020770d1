/**
 * Folders of DICOM files on disk for the "open local files" e2e and bench, generated at test time
 * under test-results/ (git-ignored) from the project's own DICOM (sandbox/data/dicom): copies with new
 * UIDs and the patient a test needs, a DICOMDIR written with dcmjs, a SPARC-style `sub-*` / `sam-*`
 * layout, and a file that is not DICOM.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import dcmjs from 'dcmjs';
import { writePart10 } from '../../sandbox/pacs/synthetic-dicom';

const PHILIPS_AXIAL = 'sandbox/data/dicom/dcm_qa_ct-philips-S21570/S2010';
const GE_HEAD = 'sandbox/data/dicom/dcm_qa_ct-ge-head-tilt';
const JPEG_BASELINE =
  'sandbox/data/dicom/cornerstone-ctimage-transfer-syntaxes/CTImage.dcm_JPEGProcess1TransferSyntax_1.2.840.10008.1.2.4.50.dcm';

type DicomDictionary = Record<string, { vr: string; Value?: unknown[] }>;

export interface DicomPatientModule {
  id: string;
  /** PN as written in DICOM: FAMILY^GIVEN. */
  name: string;
}

let counter = 0;
const newUid = () => `2.25.${Date.now()}${process.pid}${(counter += 1)}`;

/** A copy of `source` with new UIDs (the same for every file given the same `uids`) and `patient`. */
function rewrite(
  source: string,
  uids: { study: string; series: string },
  patient: DicomPatientModule,
  extra: DicomDictionary = {},
): Buffer {
  const bytes = readFileSync(source);
  const file = dcmjs.data.DicomMessage.readFile(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  // Some sample files carry a Source AE Title dcmjs refuses to write back (control characters).
  delete file.meta['00020016'];
  const sop = newUid();
  file.meta['00020003'] = { vr: 'UI', Value: [sop] };
  Object.assign(file.dict, {
    '0020000D': { vr: 'UI', Value: [uids.study] },
    '0020000E': { vr: 'UI', Value: [uids.series] },
    '00080018': { vr: 'UI', Value: [sop] },
    '00100020': { vr: 'LO', Value: [patient.id] },
    '00100010': { vr: 'PN', Value: [{ Alphabetic: patient.name }] },
    ...extra,
  });
  return Buffer.from(file.write());
}

function put(path: string, bytes: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/** The first `count` files of a folder of the project's DICOM, by name. */
function sources(folder: string, count: number): string[] {
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .slice(0, count)
    .map((name) => join(folder, name));
}

/** A DICOMDIR (PS3.10 media directory) whose IMAGE records reference `files` (paths beside it). */
function dicomdir(files: readonly string[]): Buffer {
  const { DicomMetaDictionary, DicomDict } = dcmjs.data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: '1.2.840.10008.1.3.10',
    MediaStorageSOPInstanceUID: newUid(),
    TransferSyntaxUID: '1.2.840.10008.1.2.1',
    ImplementationClassUID: '2.25.1',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset({
    FileSetID: 'LOCALCASE',
    DirectoryRecordSequence: files.map((file) => ({
      DirectoryRecordType: 'IMAGE',
      ReferencedFileID: file.split('/'),
    })),
  });
  return Buffer.from(dict.write());
}

export interface LocalCase {
  root: string;
  /** Study A: 4 Philips slices under IMAGES/, listed by the DICOMDIR, of `patient`. */
  dicomdirStudy: { uid: string; seriesUid: string; sources: string[] };
  /** Study B: 3 GE head slices over `sub-01/sam-1` and `sub-01/sam-2`, of `patient`. */
  sparcStudy: { uid: string; seriesUid: string };
  /** Study C: one lossy (JPEG baseline) CT slice in `sub-01/sam-1`, of `otherPatient`. */
  otherStudy: { uid: string; seriesUid: string };
  dicomFiles: number;
}

/**
 * `root/case`: three studies (one listed by a DICOMDIR, one spread over SPARC sample folders, one of
 * another patient sharing a sample folder) and a text file.
 */
export function writeLocalCase(
  root: string,
  patient: DicomPatientModule,
  otherPatient: DicomPatientModule,
): LocalCase {
  rmSync(root, { recursive: true, force: true });
  const base = join(root, 'case');
  const a = { uid: newUid(), seriesUid: newUid() };
  const axial = sources(PHILIPS_AXIAL, 4);
  const listed = axial.map((_, index) => `IMAGES/IM${String(index + 1).padStart(4, '0')}`);
  axial.forEach((source, index) =>
    put(join(base, listed[index] ?? ''), rewrite(source, { study: a.uid, series: a.seriesUid }, patient)),
  );
  put(join(base, 'DICOMDIR'), dicomdir(listed));

  const b = { uid: newUid(), seriesUid: newUid() };
  sources(GE_HEAD, 3).forEach((source, index) =>
    put(
      join(base, index < 2 ? 'sub-01/sam-1' : 'sub-01/sam-2', `head-${index + 1}.dcm`),
      rewrite(source, { study: b.uid, series: b.seriesUid }, patient),
    ),
  );
  const c = { uid: newUid(), seriesUid: newUid() };
  put(
    join(base, 'sub-01/sam-1/other.dcm'),
    rewrite(JPEG_BASELINE, { study: c.uid, series: c.seriesUid }, otherPatient),
  );
  put(join(base, 'notes.txt'), 'Not DICOM: a note left in the folder.\n');
  return { root: base, dicomdirStudy: { ...a, sources: axial }, sparcStudy: b, otherStudy: c, dicomFiles: 8 };
}

/**
 * `count` small CT slices (64×64, 16-bit, 8 KiB of pixels each) of one study in series of 100, under
 * `root/series-N/`, for the bench: many small files, written with the sandbox's Part 10 writer.
 */
export function writeManyFiles(root: string, count: number): { root: string; studyUid: string } {
  rmSync(root, { recursive: true, force: true });
  const size = 64;
  const studyUid = newUid();
  const pixels = new Uint8Array(size * size * 2).map((_, i) => (i % 2 === 0 ? (i / 2) % 251 : 0));
  let seriesUid = newUid();
  for (let i = 0; i < count; i += 1) {
    if (i % 100 === 0) seriesUid = newUid();
    const series = Math.floor(i / 100);
    put(
      join(root, `series-${series + 1}`, `IM${String(i).padStart(5, '0')}.dcm`),
      writePart10({
        '00080016': { vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' },
        '00080018': { vr: 'UI', value: newUid() },
        '00080060': { vr: 'CS', value: 'CT' },
        '00081030': { vr: 'LO', value: 'Bench folder' },
        '00100010': { vr: 'PN', value: 'BENCH^FOLDER' },
        '00100020': { vr: 'LO', value: 'BENCH-1' },
        '0020000D': { vr: 'UI', value: studyUid },
        '0020000E': { vr: 'UI', value: seriesUid },
        '00200011': { vr: 'IS', value: String(series + 1) },
        '00200013': { vr: 'IS', value: String((i % 100) + 1) },
        '00200032': { vr: 'DS', value: `0\\0\\${i % 100}` },
        '00200037': { vr: 'DS', value: '1\\0\\0\\0\\1\\0' },
        '00280002': { vr: 'US', value: 1 },
        '00280004': { vr: 'CS', value: 'MONOCHROME2' },
        '00280010': { vr: 'US', value: size },
        '00280011': { vr: 'US', value: size },
        '00280030': { vr: 'DS', value: '1\\1' },
        '00280100': { vr: 'US', value: 16 },
        '00280101': { vr: 'US', value: 16 },
        '00280102': { vr: 'US', value: 15 },
        '00280103': { vr: 'US', value: 0 },
        '7FE00010': { vr: 'OW', value: pixels },
      }),
    );
  }
  return { root, studyUid };
}
