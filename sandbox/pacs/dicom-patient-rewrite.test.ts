import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { rewritePatient } from './dicom-patient-rewrite.ts';
import { parseDicomHeader, summarizeDicom } from './dicom-summary.ts';

const DATA = join(import.meta.dirname, '..', 'data', 'dicom');
const TS_DIR = join(DATA, 'cornerstone-ctimage-transfer-syntaxes');

/** The pixel data element's bytes (whole, encapsulated or not), to prove they are untouched. */
function pixelBytes(file: Buffer): Buffer {
  const dataSet = dicomParser.parseDicom(file);
  const pixels = dataSet.elements.x7fe00010;
  if (!pixels) throw new Error('no pixel data');
  const end =
    pixels.length === 0xffffffff || pixels.length < 0
      ? dataSet.byteArray.length
      : pixels.dataOffset + pixels.length;
  return Buffer.from(dataSet.byteArray.subarray(pixels.dataOffset, end));
}

describe('rewritePatient', () => {
  it.each(readdirSync(TS_DIR).filter((name) => name.startsWith('CTImage')))(
    'gives %s the new patient and keeps every pixel byte',
    (name) => {
      const original = readFileSync(join(TS_DIR, name));
      const rewritten = rewritePatient(original, { id: 'PLASTIC', name: 'HEAD' });
      const summary = summarizeDicom(rewritten);
      expect(summary.patientId).toBe('PLASTIC');
      expect(summary.patientName).toBe('HEAD');
      expect(summary.sopInstanceUid).toBe(summarizeDicom(original).sopInstanceUid);
      expect(pixelBytes(rewritten).equals(pixelBytes(original))).toBe(true);
    },
  );

  it('handles names longer than the old value', () => {
    const original = readFileSync(join(DATA, 'pydicom-data-multiframe-color', 'eCT_Supplemental.dcm'));
    const rewritten = rewritePatient(original, { id: 'COLOUR', name: 'PRISM^IRIS' });
    expect(summarizeDicom(rewritten)).toMatchObject({ patientId: 'COLOUR', patientName: 'PRISM^IRIS' });
    expect(parseDicomHeader(rewritten).string('x00280010')).toBe(
      parseDicomHeader(original).string('x00280010'),
    );
    expect(pixelBytes(rewritten).equals(pixelBytes(original))).toBe(true);
  });

  it('fills empty patient elements', () => {
    const original = readFileSync(join(DATA, 'pydicom-data-multiframe-color', 'emri_small.dcm'));
    const rewritten = rewritePatient(original, { id: 'COLOUR', name: 'PRISM^IRIS' });
    expect(summarizeDicom(rewritten)).toMatchObject({ patientId: 'COLOUR', patientName: 'PRISM^IRIS' });
    expect(pixelBytes(rewritten).equals(pixelBytes(original))).toBe(true);
  });

  it('keeps a group 0010 length consistent', () => {
    const rewritten = rewritePatient(readFileSync(join(TS_DIR, 'CTImage.dcm')), {
      id: 'A-LONGER-ID-1',
      name: 'X',
    });
    const dataSet = parseDicomHeader(rewritten);
    const group = dataSet.elements.x00100000;
    if (!group) throw new Error('CTImage.dcm should have a group 0010 length');
    const members = Object.entries(dataSet.elements).filter(
      ([tag]) => tag.startsWith('x0010') && tag !== 'x00100000',
    );
    const last = members
      .map(([, element]) => element.dataOffset + element.length)
      .reduce((a, b) => Math.max(a, b));
    expect(group.dataOffset + 4 + (dataSet.uint32('x00100000') ?? 0)).toBe(last);
  });
});
