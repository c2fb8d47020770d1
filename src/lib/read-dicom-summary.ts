/**
 * A DICOM Part 10 file's header → DicomFileSummary, with dicom-parser (maintained, already the image
 * loader's parser; runs in Node, in a worker and in the page). Stops before the pixel data: grouping a
 * folder never holds its pixels. Throws when the bytes are not DICOM or lack the UIDs every instance has.
 */
import dicomParser from 'dicom-parser';
import type { DataSet } from 'dicom-parser';
import type { DicomFileSummary } from '@/domain/dicom-files/dicom-file-summary';

const PREAMBLE = 128;

/** Part 10 files carry "DICM" after a 128-byte preamble; everything else is not read as DICOM. */
export function looksLikeDicomPart10(bytes: Uint8Array): boolean {
  return (
    bytes.length > PREAMBLE + 4 &&
    bytes[PREAMBLE] === 0x44 &&
    bytes[PREAMBLE + 1] === 0x49 &&
    bytes[PREAMBLE + 2] === 0x43 &&
    bytes[PREAMBLE + 3] === 0x4d
  );
}

export function readDicomSummary(bytes: Uint8Array, path: string): DicomFileSummary {
  return summaryOfDataSet(readDicomHeader(bytes), path);
}

/** The header up to the pixel data; throws when the bytes are not Part 10 or cannot be parsed. */
export function readDicomHeader(bytes: Uint8Array): DataSet {
  if (!looksLikeDicomPart10(bytes)) throw new Error('not a DICOM Part 10 file');
  return dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
}

/** A parsed header → DicomFileSummary; throws when it lacks the UIDs every instance has. */
export function summaryOfDataSet(dataSet: DataSet, path: string): DicomFileSummary {
  const text = (tag: string) => dataSet.string(tag)?.trim() || null;
  const integer = (tag: string) => {
    const value = text(tag);
    const parsed = value === null ? Number.NaN : Number.parseInt(value, 10);
    return Number.isSafeInteger(parsed) ? parsed : null;
  };
  const required = (tag: string, name: string) => {
    const value = text(tag);
    if (!value) throw new Error(`no ${name}`);
    return value;
  };
  return {
    path,
    studyInstanceUid: required('x0020000d', 'Study Instance UID'),
    seriesInstanceUid: required('x0020000e', 'Series Instance UID'),
    sopInstanceUid: required('x00080018', 'SOP Instance UID'),
    sopClassUid: required('x00080016', 'SOP Class UID'),
    transferSyntaxUid: text('x00020010'),
    modality: text('x00080060'),
    studyDate: text('x00080020'),
    studyTime: text('x00080030'),
    seriesDate: text('x00080021'),
    seriesTime: text('x00080031'),
    timezoneOffset: text('x00080201'),
    studyDescription: text('x00081030'),
    seriesDescription: text('x0008103e'),
    seriesNumber: integer('x00200011'),
    instanceNumber: integer('x00200013'),
    numberOfFrames: integer('x00280008'),
    accessionNumber: text('x00080050'),
    patientId: text('x00100020'),
    patientName: text('x00100010'),
    patientBirthDate: text('x00100030'),
    patientSex: text('x00100040'),
    bodyPartExamined: text('x00180015'),
    laterality: text('x00200060') ?? text('x00200062'),
    title: text('x00420010') ?? conceptNameOf(dataSet),
  };
}

/** An SR's or KOS's document title: its Concept Name Code Sequence's meaning. */
function conceptNameOf(dataSet: DataSet): string | null {
  const item = dataSet.elements.x0040a043?.items?.[0]?.dataSet;
  return item?.string('x00080104')?.trim() || null;
}
