/**
 * A minimal Part 10 writer (explicit VR little endian, no sequences): enough for the sandbox's
 * generated images, and small enough to read in one sitting.
 */
export type DicomValue =
  | { vr: 'AE' | 'CS' | 'DA' | 'DS' | 'IS' | 'LO' | 'PN' | 'SH' | 'TM' | 'UI'; value: string }
  | { vr: 'US'; value: number }
  | { vr: 'OB' | 'OW'; value: Uint8Array };

/** Tag as `GGGGEEEE` hex. */
export type DicomElements = Readonly<Record<string, DicomValue>>;

const LONG_LENGTH_VRS = new Set(['OB', 'OW']);

function encodeValue(item: DicomValue): Buffer {
  if (item.vr === 'US') {
    const bytes = Buffer.alloc(2);
    bytes.writeUInt16LE(item.value);
    return bytes;
  }
  if (typeof item.value !== 'string') {
    const bytes = Buffer.from(item.value.buffer, item.value.byteOffset, item.value.byteLength);
    return bytes.length % 2 === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(1)]);
  }
  const text = item.value.length % 2 === 0 ? item.value : `${item.value}${item.vr === 'UI' ? '\0' : ' '}`;
  return Buffer.from(text, 'latin1');
}

function encodeElement(tag: string, item: DicomValue): Buffer {
  const value = encodeValue(item);
  const long = LONG_LENGTH_VRS.has(item.vr);
  const header = Buffer.alloc(long ? 12 : 8);
  header.writeUInt16LE(Number.parseInt(tag.slice(0, 4), 16), 0);
  header.writeUInt16LE(Number.parseInt(tag.slice(4, 8), 16), 2);
  header.write(item.vr, 4, 'latin1');
  if (long) header.writeUInt32LE(value.length, 8);
  else header.writeUInt16LE(value.length, 6);
  return Buffer.concat([header, value]);
}

function encodeAll(elements: DicomElements): Buffer {
  const tags = Object.keys(elements).sort();
  return Buffer.concat(tags.map((tag) => encodeElement(tag, elements[tag] as DicomValue)));
}

/** A Part 10 file: preamble, DICM, file meta (group 2) and the data set, all explicit VR LE. */
export function writePart10(dataSet: DicomElements): Buffer {
  const sopClass = dataSet['00080016'];
  const sopInstance = dataSet['00080018'];
  if (sopClass?.vr !== 'UI' || sopInstance?.vr !== 'UI')
    throw new Error('SOP Class and Instance UIDs are required');
  const meta = encodeAll({
    '00020001': { vr: 'OB', value: new Uint8Array([0, 1]) },
    '00020002': { vr: 'UI', value: sopClass.value },
    '00020003': { vr: 'UI', value: sopInstance.value },
    '00020010': { vr: 'UI', value: '1.2.840.10008.1.2.1' },
    '00020012': { vr: 'UI', value: '2.25.319207104232853462245347432370651939221' },
  });
  const groupLength = Buffer.alloc(12);
  groupLength.writeUInt16LE(0x0002, 0);
  groupLength.writeUInt16LE(0x0000, 2);
  groupLength.write('UL', 4, 'latin1');
  groupLength.writeUInt16LE(4, 6);
  groupLength.writeUInt32LE(meta.length, 8);
  return Buffer.concat([
    Buffer.alloc(128),
    Buffer.from('DICM', 'latin1'),
    groupLength,
    meta,
    encodeAll(dataSet),
  ]);
}

export interface GrayscaleImage {
  /** Rows and columns (the sandbox's synthetic images are square). */
  size: number;
  photometric: 'MONOCHROME1' | 'MONOCHROME2';
  /** Of 16 allocated, unsigned; the high bit is the last stored one. */
  bitsStored: number;
  window: { center: number; width: number };
}

/**
 * The Image Pixel module (PS3.3 C.7.6.3) of an unsigned 16-bit grayscale image, with its default
 * window (VOI LUT, C.11.2): what every synthetic grayscale image of the sandbox shares.
 */
export function grayscaleImageModule({
  size,
  photometric,
  bitsStored,
  window,
}: GrayscaleImage): DicomElements {
  return {
    '00280002': { vr: 'US', value: 1 },
    '00280004': { vr: 'CS', value: photometric },
    '00280010': { vr: 'US', value: size },
    '00280011': { vr: 'US', value: size },
    '00280100': { vr: 'US', value: 16 },
    '00280101': { vr: 'US', value: bitsStored },
    '00280102': { vr: 'US', value: bitsStored - 1 },
    '00280103': { vr: 'US', value: 0 },
    '00281050': { vr: 'DS', value: String(window.center) },
    '00281051': { vr: 'DS', value: String(window.width) },
  };
}
