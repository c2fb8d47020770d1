import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { parseDicomHeader } from './dicom-summary.ts';

const DEFLATED_EXPLICIT_LITTLE = '1.2.840.10008.1.2.1.99';
const TAG = {
  metaGroupLength: 'x00020000',
  mediaStorageSopInstanceUid: 'x00020003',
  transferSyntaxUid: 'x00020010',
  sopInstanceUid: 'x00080018',
  studyInstanceUid: 'x0020000d',
  seriesInstanceUid: 'x0020000e',
} as const;

/**
 * A deterministic UID under the `2.25` root (ITU-T X.667) from any seed, at most `maxLength` characters,
 * so the sandbox gets the same UIDs on every run.
 */
export function deterministicUid(seed: string, maxLength = 64): string {
  const digits = Math.min(39, maxLength - '2.25.'.length);
  if (digits < 20) throw new Error(`no room for a unique UID in ${maxLength} characters`);
  const hash = BigInt(`0x${createHash('sha256').update(seed).digest('hex')}`);
  const value = (hash % 10n ** BigInt(digits)).toString();
  return `2.25.${value}`;
}

/** Each function receives the byte length of the old value, which the new UID must not exceed. */
export interface NewUids {
  /** Absent: the file keeps its study (new series and instance in the same study). */
  readonly studyInstanceUid?: (oldLength: number) => string;
  readonly seriesInstanceUid: (oldLength: number) => string;
  readonly sopInstanceUid: (oldLength: number) => string;
}

/**
 * Gives a DICOM file new Study/Series/SOP Instance UIDs by overwriting the values in place, so pixel data,
 * transfer syntax and every other byte stay exactly as they were (a re-encoding library could not promise
 * that for big-endian, deflated or oddly fragmented files). Each new UID must fit the old value's length;
 * it is padded with NUL as DICOM pads UIDs. Deflated files are inflated, patched and deflated again.
 */
export function rewriteUids(file: Buffer, uids: NewUids): Buffer {
  const dataSet = parseDicomHeader(file);
  // For deflated files dicom-parser hands back header + inflated dataset; otherwise the same bytes.
  const bytes = Buffer.from(dataSet.byteArray);
  const lengthOf = (tag: string): number => {
    const element = dataSet.elements[tag];
    if (!element) throw new Error(`cannot rewrite ${tag}: not in the file`);
    return element.length;
  };
  const patch = (tag: string, uid: string): void => {
    const element = dataSet.elements[tag];
    if (!element) throw new Error(`cannot rewrite ${tag}: not in the file`);
    if (uid.length > element.length)
      throw new Error(`new UID for ${tag} does not fit ${element.length} bytes`);
    bytes.fill(0, element.dataOffset, element.dataOffset + element.length);
    bytes.write(uid, element.dataOffset, 'ascii');
  };
  if (uids.studyInstanceUid)
    patch(TAG.studyInstanceUid, uids.studyInstanceUid(lengthOf(TAG.studyInstanceUid)));
  patch(TAG.seriesInstanceUid, uids.seriesInstanceUid(lengthOf(TAG.seriesInstanceUid)));
  // The meta header must name the same SOP instance as the dataset: one UID that fits both.
  const sopLength = Math.min(
    lengthOf(TAG.sopInstanceUid),
    dataSet.elements[TAG.mediaStorageSopInstanceUid]?.length ?? Number.MAX_SAFE_INTEGER,
  );
  const sopUid = uids.sopInstanceUid(sopLength);
  patch(TAG.sopInstanceUid, sopUid);
  if (dataSet.elements[TAG.mediaStorageSopInstanceUid]) patch(TAG.mediaStorageSopInstanceUid, sopUid);
  if (dataSet.string(TAG.transferSyntaxUid) !== DEFLATED_EXPLICIT_LITTLE) return bytes;

  const groupLength = dataSet.elements[TAG.metaGroupLength];
  if (!groupLength) throw new Error('deflated file without a meta group length');
  const datasetStart =
    groupLength.dataOffset + groupLength.length + (dataSet.uint32(TAG.metaGroupLength) ?? 0);
  return Buffer.concat([bytes.subarray(0, datasetStart), deflateRawSync(bytes.subarray(datasetStart))]);
}
