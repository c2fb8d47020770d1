import { deflateRawSync } from 'node:zlib';
import { parseDicomHeader } from './dicom-summary.ts';

const TS = {
  implicitLittle: '1.2.840.10008.1.2',
  bigEndian: '1.2.840.10008.1.2.2',
  deflated: '1.2.840.10008.1.2.1.99',
} as const;

export interface PatientIdentityOverride {
  /** PatientID (0010,0020), LO. */
  readonly id: string;
  /** PatientName (0010,0010) in DICOM form, `FAMILY^GIVEN`. */
  readonly name: string;
}

/**
 * Files the sandbox files under one FHIR patient come from several sources with their own patients.
 * This gives them the FHIR patient's ID and name so the viewer's mismatch warning fires only where the
 * sandbox means it to (see SOURCES.md). Only top-level PatientID/PatientName elements that exist are
 * replaced; their length may change, which is safe because they sit before the pixel data at the top
 * level (no enclosing length to fix) and encapsulated pixel data offsets are relative to their own
 * item. A group length for group 0010 (retired, but CTImage.dcm has one) is updated to match.
 */
export function rewritePatient(file: Buffer, patient: PatientIdentityOverride): Buffer {
  const dataSet = parseDicomHeader(file);
  const syntax = dataSet.string('x00020010')?.trim() ?? TS.implicitLittle;
  const implicit = syntax === TS.implicitLittle;
  const bigEndian = syntax === TS.bigEndian;
  // For deflated files dicom-parser hands back header + inflated dataset.
  let bytes = Buffer.from(dataSet.byteArray);
  const replacements = [
    { tag: 'x00100020', value: patient.id },
    { tag: 'x00100010', value: patient.name },
  ]
    .map(({ tag, value }) => ({ element: dataSet.elements[tag], value }))
    .filter((entry) => entry.element !== undefined)
    // From the end of the file backwards, so earlier offsets stay valid.
    .sort((a, b) => (b.element?.dataOffset ?? 0) - (a.element?.dataOffset ?? 0));
  let growth = 0;
  for (const { element, value } of replacements) {
    if (!element) continue;
    const padded = value.length % 2 === 0 ? value : `${value} `;
    const encoded = Buffer.from(padded, 'latin1');
    const lengthSize = implicit ? 4 : 2;
    if (!implicit && encoded.length > 0xffff) throw new Error('value too long');
    const lengthField = Buffer.alloc(lengthSize);
    if (implicit) lengthField.writeUInt32LE(encoded.length);
    else if (bigEndian) lengthField.writeUInt16BE(encoded.length);
    else lengthField.writeUInt16LE(encoded.length);
    bytes = Buffer.concat([
      bytes.subarray(0, element.dataOffset - lengthSize),
      lengthField,
      encoded,
      bytes.subarray(element.dataOffset + element.length),
    ]);
    growth += encoded.length - element.length;
  }
  const groupLength = dataSet.elements.x00100000;
  if (groupLength && growth !== 0) {
    // It precedes the elements it counts, so its offset is unchanged.
    const old = bigEndian
      ? bytes.readUInt32BE(groupLength.dataOffset)
      : bytes.readUInt32LE(groupLength.dataOffset);
    if (bigEndian) bytes.writeUInt32BE(old + growth, groupLength.dataOffset);
    else bytes.writeUInt32LE(old + growth, groupLength.dataOffset);
  }
  if (syntax !== TS.deflated) return bytes;
  const metaLength = dataSet.elements.x00020000;
  if (!metaLength) throw new Error('deflated file without a meta group length');
  const datasetStart = metaLength.dataOffset + metaLength.length + (dataSet.uint32('x00020000') ?? 0);
  return Buffer.concat([bytes.subarray(0, datasetStart), deflateRawSync(bytes.subarray(datasetStart))]);
}
