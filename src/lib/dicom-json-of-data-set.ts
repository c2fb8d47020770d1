/**
 * A parsed DICOM header (dicom-parser's DataSet) as the DICOM JSON model (PS3.18 F.2) the viewer
 * reads for every instance, so a file from disk and an instance from WADO-RS metadata are one shape.
 * Text, numbers, person names and sequences are kept; binary values (pixel data, OB/OW/UN) are not,
 * except an Encapsulated Document (a PDF, a CDA…), kept as InlineBinary: the viewer shows it from there.
 * Explicit VR files say each element's VR; for implicit VR files only the attributes the viewer reads
 * are known (IMPLICIT_VRS), the rest are left out rather than guessed.
 */
import type { DataSet } from 'dicom-parser';
import type { DicomJsonInstance } from '@/domain/imaging/dicom-json';
import { encodeBase64 } from '@/domain/text/base64';

type Element = { vr: string; Value?: unknown[]; InlineBinary?: string };

/** Encapsulated Document (0042,0011), PS3.3 C.24.2. */
const ENCAPSULATED_DOCUMENT = '00420011';

const TEXT = new Set(['AE', 'AS', 'CS', 'DA', 'DT', 'LO', 'SH', 'TM', 'UC', 'UI', 'UR']);
const UNSPLIT_TEXT = new Set(['LT', 'ST', 'UT']);
const BINARY_NUMBERS: Readonly<Record<string, readonly [number, keyof DataSet & string]>> = {
  US: [2, 'uint16'],
  SS: [2, 'int16'],
  UL: [4, 'uint32'],
  SL: [4, 'int32'],
  FL: [4, 'float'],
  FD: [8, 'double'],
};

/** VRs of the attributes the viewer reads, for implicit VR little endian files. */
const IMPLICIT_VRS: Readonly<Record<string, string>> = {
  '00080016': 'UI',
  '00080018': 'UI',
  '0020000D': 'UI',
  '0020000E': 'UI',
  '00020010': 'UI',
  '00080020': 'DA',
  '00080021': 'DA',
  '00080030': 'TM',
  '00080031': 'TM',
  '00100030': 'DA',
  '00080060': 'CS',
  '00100040': 'CS',
  '00280004': 'CS',
  '00282110': 'CS',
  '00080008': 'CS',
  '00080050': 'SH',
  '00081030': 'LO',
  '0008103E': 'LO',
  '00100020': 'LO',
  '00180015': 'CS',
  '00100010': 'PN',
  '00200011': 'IS',
  '00200013': 'IS',
  '00280008': 'IS',
  '00200060': 'CS',
  '00200032': 'DS',
  '00200037': 'DS',
  '00280030': 'DS',
  '00180050': 'DS',
  '00281050': 'DS',
  '00281051': 'DS',
  '00281052': 'DS',
  '00281053': 'DS',
  '00282112': 'DS',
  '00181063': 'DS',
  '00082144': 'IS',
  '00180040': 'IS',
  '00280010': 'US',
  '00280011': 'US',
  '00280002': 'US',
  '00280100': 'US',
  '00280101': 'US',
  '00280103': 'US',
  '00420010': 'ST',
  '00420012': 'LO',
  '00080201': 'SH',
  '00200062': 'CS',
};

export function dicomJsonOfDataSet(dataSet: DataSet): DicomJsonInstance {
  const json: Record<string, Element> = {};
  for (const [key, element] of Object.entries(dataSet.elements)) {
    const tag = key.slice(1).toUpperCase();
    if (tag.startsWith('7FE0') || tag.endsWith('0000')) continue;
    if (element.items) {
      json[tag] = {
        vr: 'SQ',
        Value: element.items.flatMap((item) => (item.dataSet ? [dicomJsonOfDataSet(item.dataSet)] : [])),
      };
      continue;
    }
    if (tag === ENCAPSULATED_DOCUMENT) {
      const bytes = dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + element.length);
      // A file cut short (the header read only) has no whole document: none rather than a broken one.
      if (bytes.length === element.length) json[tag] = { vr: 'OB', InlineBinary: encodeBase64(bytes) };
      continue;
    }
    const vr = element.vr ?? IMPLICIT_VRS[tag];
    if (!vr) continue;
    const values = valuesOf(dataSet, key, vr, element.length);
    if (values !== null) json[tag] = values.length > 0 ? { vr, Value: values } : { vr };
  }
  return json;
}

function valuesOf(dataSet: DataSet, key: string, vr: string, length: number): unknown[] | null {
  const numeric = BINARY_NUMBERS[vr];
  if (numeric) {
    const [size, read] = numeric;
    const reader = dataSet[read] as (tag: string, index?: number) => number | undefined;
    return Array.from({ length: Math.floor(length / size) }, (_, i) => reader.call(dataSet, key, i)).filter(
      (value): value is number => typeof value === 'number',
    );
  }
  if (!TEXT.has(vr) && !UNSPLIT_TEXT.has(vr) && !['PN', 'IS', 'DS'].includes(vr)) return null;
  const text = dataSet.string(key) ?? '';
  if (text === '') return [];
  if (UNSPLIT_TEXT.has(vr)) return [text];
  const parts = text.split('\\').map((part) => part.trim());
  if (vr === 'PN') return parts.map((part) => ({ Alphabetic: part.split('=')[0] ?? '' }));
  if (vr === 'IS' || vr === 'DS') {
    return parts.map((part) => (part === '' ? Number.NaN : Number(part))).filter(Number.isFinite);
  }
  return parts;
}
