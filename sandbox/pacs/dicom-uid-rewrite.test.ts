import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeDicom } from './dicom-summary.ts';
import { deterministicUid, rewriteUids } from './dicom-uid-rewrite.ts';

const DIR = join(import.meta.dirname, '..', 'data', 'dicom', 'cornerstone-ctimage-transfer-syntaxes');
const read = (name: string): Buffer => readFileSync(join(DIR, name));

const newUids = (seed: string) => ({
  studyInstanceUid: (length: number) => deterministicUid(`${seed}:study`, length),
  seriesInstanceUid: (length: number) => deterministicUid(`${seed}:series`, length),
  sopInstanceUid: (length: number) => deterministicUid(`${seed}:sop`, length),
});

describe('deterministicUid', () => {
  it('is stable, valid and within the length asked for', () => {
    const uid = deterministicUid('seed', 40);
    expect(uid).toBe(deterministicUid('seed', 40));
    expect(uid.length).toBeLessThanOrEqual(40);
    expect(uid).toMatch(/^2\.25\.[1-9]\d*$/);
    expect(deterministicUid('other', 40)).not.toBe(uid);
  });
});

describe('rewriteUids', () => {
  it.each([
    'CTImage.dcm',
    'CTImage.dcm_BigEndianExplicitTransferSyntax_1.2.840.10008.1.2.2.dcm',
    'CTImage.dcm_JPEG2000TransferSyntax_1.2.840.10008.1.2.4.91.dcm',
    'CTImage.dcm_DeflatedExplicitVRLittleEndianTransferSyntax_1.2.840.10008.1.2.1.99.dcm',
  ])('gives %s new UIDs and keeps everything else', (name) => {
    const original = read(name);
    const before = summarizeDicom(original);
    const rewritten = rewriteUids(original, newUids(name));
    const after = summarizeDicom(rewritten);
    expect(after.sopInstanceUid).not.toBe(before.sopInstanceUid);
    expect(after.seriesInstanceUid).not.toBe(before.seriesInstanceUid);
    expect(after.studyInstanceUid).toMatch(/^2\.25\.\d+$/);
    expect({ ...after, studyInstanceUid: '', seriesInstanceUid: '', sopInstanceUid: '' }).toEqual({
      ...before,
      studyInstanceUid: '',
      seriesInstanceUid: '',
      sopInstanceUid: '',
    });
    if (!name.includes('Deflated')) expect(rewritten.length).toBe(original.length);
  });

  it('keeps the study when no new Study Instance UID is asked for', () => {
    const original = read('CTImage.dcm');
    const { seriesInstanceUid, sopInstanceUid } = newUids('keep');
    expect(
      summarizeDicom(rewriteUids(original, { seriesInstanceUid, sopInstanceUid })).studyInstanceUid,
    ).toBe(summarizeDicom(original).studyInstanceUid);
  });
});
