import dicomParser from 'dicom-parser';
import type { DataSet } from 'dicom-parser';

/** The attributes of one DICOM instance that an ImagingStudy needs, read from the file itself. */
export interface DicomInstanceSummary {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  readonly sopClassUid: string;
  readonly transferSyntaxUid?: string;
  readonly modality?: string;
  readonly studyDate?: string;
  readonly studyTime?: string;
  readonly timezoneOffset?: string;
  readonly studyDescription?: string;
  readonly seriesDescription?: string;
  readonly seriesNumber?: number;
  readonly instanceNumber?: number;
  readonly accessionNumber?: string;
  readonly patientId?: string;
  readonly patientName?: string;
  readonly numberOfFrames?: number;
}

const TAG = {
  transferSyntaxUid: 'x00020010',
  sopClassUid: 'x00080016',
  sopInstanceUid: 'x00080018',
  studyDate: 'x00080020',
  studyTime: 'x00080030',
  accessionNumber: 'x00080050',
  modality: 'x00080060',
  timezoneOffset: 'x00080201',
  studyDescription: 'x00081030',
  seriesDescription: 'x0008103e',
  patientName: 'x00100010',
  patientId: 'x00100020',
  studyInstanceUid: 'x0020000d',
  seriesInstanceUid: 'x0020000e',
  seriesNumber: 'x00200011',
  instanceNumber: 'x00200013',
  numberOfFrames: 'x00280008',
} as const;

function text(dataSet: DataSet, tag: string): string | undefined {
  const value = dataSet.string(tag)?.trim();
  return value ? value : undefined;
}

function integer(dataSet: DataSet, tag: string): number | undefined {
  const value = text(dataSet, tag);
  if (value === undefined) return undefined;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * Parses the header of a Part 10 file. Pass a Node Buffer: dicom-parser then inflates deflated files with
 * zlib by itself. Throws when the file is not DICOM or lacks the UIDs every instance must have.
 */
export function parseDicomHeader(file: Buffer): DataSet {
  return dicomParser.parseDicom(file, { untilTag: 'x7fe00010' });
}

export function summarizeDicom(file: Buffer): DicomInstanceSummary {
  const dataSet = parseDicomHeader(file);
  const required = (tag: string, name: string): string => {
    const value = text(dataSet, tag);
    if (!value) throw new Error(`DICOM file has no ${name}`);
    return value;
  };
  return {
    studyInstanceUid: required(TAG.studyInstanceUid, 'StudyInstanceUID'),
    seriesInstanceUid: required(TAG.seriesInstanceUid, 'SeriesInstanceUID'),
    sopInstanceUid: required(TAG.sopInstanceUid, 'SOPInstanceUID'),
    sopClassUid: required(TAG.sopClassUid, 'SOPClassUID'),
    transferSyntaxUid: text(dataSet, TAG.transferSyntaxUid),
    modality: text(dataSet, TAG.modality),
    studyDate: text(dataSet, TAG.studyDate),
    studyTime: text(dataSet, TAG.studyTime),
    timezoneOffset: text(dataSet, TAG.timezoneOffset),
    studyDescription: text(dataSet, TAG.studyDescription),
    seriesDescription: text(dataSet, TAG.seriesDescription),
    seriesNumber: integer(dataSet, TAG.seriesNumber),
    instanceNumber: integer(dataSet, TAG.instanceNumber),
    accessionNumber: text(dataSet, TAG.accessionNumber),
    patientId: text(dataSet, TAG.patientId),
    patientName: text(dataSet, TAG.patientName),
    numberOfFrames: integer(dataSet, TAG.numberOfFrames),
  };
}
