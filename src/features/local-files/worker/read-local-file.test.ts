import { readFileSync } from 'node:fs';
import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { dicomPersonName, dicomNumbers, DicomTag, dicomString } from '@/domain/imaging/dicom-json';
import { decodeBase64 } from '@/domain/text/base64';
import { HEADER_BYTES, readLocalFile } from './read-local-file';

const DICOM = 'sandbox/data/dicom';
const blobOf = (path: string) => new Blob([readFileSync(path)]);

/** A Part 10 file written by dcmjs (explicit VR little endian) from a naturalized data set. */
function part10(dataset: Record<string, unknown>, sopClass = String(dataset.SOPClassUID)): Blob {
  const { DicomMetaDictionary, DicomDict } = dcmjs.data;
  const dict = new DicomDict(
    DicomMetaDictionary.denaturalizeDataset({
      FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
      MediaStorageSOPClassUID: sopClass,
      MediaStorageSOPInstanceUID: '2.25.1',
      TransferSyntaxUID: '1.2.840.10008.1.2.1',
      ImplementationClassUID: '2.25.2',
    }),
  );
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Blob([dict.write()]);
}

function dicomdir(files: string[][]): Blob {
  return part10(
    { DirectoryRecordSequence: files.map((id) => ({ DirectoryRecordType: 'IMAGE', ReferencedFileID: id })) },
    '1.2.840.10008.1.3.10',
  );
}

describe('readLocalFile', () => {
  it('reads an explicit VR image header into its summary and DICOM JSON, not its pixels', async () => {
    const path = `${DICOM}/cornerstone-ctimage-transfer-syntaxes/CTImage.dcm_LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1.dcm`;
    const result = await readLocalFile(blobOf(path), 'a/CT.dcm', 3);
    if (result.kind !== 'dicom') throw new Error(JSON.stringify(result));
    expect(result.index).toBe(3);
    expect(result.summary).toMatchObject({
      path: 'a/CT.dcm',
      modality: 'CT',
      transferSyntaxUid: '1.2.840.10008.1.2.1',
    });
    expect(dicomPersonName(result.metadata, DicomTag.PatientName)).toBe(result.summary.patientName);
    expect(dicomString(result.metadata, DicomTag.SopInstanceUid)).toBe(result.summary.sopInstanceUid);
    expect(dicomNumbers(result.metadata, DicomTag.ImageOrientationPatient)).toHaveLength(6);
    expect(dicomNumbers(result.metadata, DicomTag.Rows)).toEqual([512]);
    expect(Object.keys(result.metadata).some((tag) => tag.startsWith('7FE0'))).toBe(false);
  });

  it('reads implicit VR headers for the attributes the viewer uses', async () => {
    const path = `${DICOM}/cornerstone-ctimage-transfer-syntaxes/CTImage.dcm_LittleEndianImplicitTransferSyntax_1.2.840.10008.1.2.dcm`;
    const result = await readLocalFile(blobOf(path), 'CT.dcm', 0);
    if (result.kind !== 'dicom') throw new Error(JSON.stringify(result));
    expect(dicomString(result.metadata, DicomTag.Modality)).toBe('CT');
    expect(dicomNumbers(result.metadata, DicomTag.ImagePositionPatient)).toHaveLength(3);
  });

  it('skips a deflated file with a reason (its data set would need inflating first)', async () => {
    const path = `${DICOM}/cornerstone-ctimage-transfer-syntaxes/CTImage.dcm_DeflatedExplicitVRLittleEndianTransferSyntax_1.2.840.10008.1.2.1.99.dcm`;
    const bytes = readFileSync(path);
    const result = await readLocalFile(new Blob([bytes]), 'CT.dcm', 0);
    expect(result).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('deflated') });
  });

  it('reads the whole file when the header is longer than the first slice', async () => {
    const comments = 'x'.repeat(HEADER_BYTES + 10);
    const file = part10({
      SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
      SOPInstanceUID: '2.25.3',
      StudyInstanceUID: '2.25.4',
      SeriesInstanceUID: '2.25.5',
      LongCodeValue: comments,
    });
    expect(file.size).toBeGreaterThan(HEADER_BYTES);
    const result = await readLocalFile(file, 'long.dcm', 0);
    if (result.kind !== 'dicom') throw new Error(JSON.stringify(result));
    expect(result.summary.studyInstanceUid).toBe('2.25.4');
    expect(dicomString(result.metadata, '00080119')).toHaveLength(comments.length);
  });

  it('skips what is not DICOM, and reads a DICOMDIR for the files it references', async () => {
    expect(await readLocalFile(new Blob(['hello']), 'notes.txt', 1)).toEqual({
      kind: 'skipped',
      index: 1,
      path: 'notes.txt',
      reason: 'not a DICOM file',
    });
    const result = await readLocalFile(
      dicomdir([
        ['IMAGES', 'IM0001'],
        ['IMAGES', 'IM0002'],
      ]),
      'disk/DICOMDIR',
      2,
    );
    expect(result).toEqual({
      kind: 'dicomdir',
      index: 2,
      path: 'disk/DICOMDIR',
      referenced: ['disk/IMAGES/IM0001', 'disk/IMAGES/IM0002'],
    });
  });
  it('keeps an Encapsulated PDF whole, as InlineBinary, small or larger than the header read', async () => {
    for (const size of [1_000, HEADER_BYTES * 2]) {
      const pdf = new Uint8Array(size).map((_, i) => (i * 7) % 251);
      pdf.set(new TextEncoder().encode('%PDF-1.4'));
      const file = part10({
        SOPClassUID: '1.2.840.10008.5.1.4.1.1.104.1',
        SOPInstanceUID: '2.25.1',
        StudyInstanceUID: '2.25.3',
        SeriesInstanceUID: '2.25.4',
        Modality: 'DOC',
        MIMETypeOfEncapsulatedDocument: 'application/pdf',
        EncapsulatedDocument: pdf.buffer,
      });
      const result = await readLocalFile(file, 'doc.dcm', 0);
      if (result.kind !== 'dicom') throw new Error(JSON.stringify(result));
      const inline = (result.metadata['00420011'] as { InlineBinary?: string } | undefined)?.InlineBinary;
      expect(inline && decodeBase64(inline)).toEqual(pdf);
    }
  });
});
