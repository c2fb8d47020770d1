import { describe, expect, it } from 'vitest';
import { DicomTag } from './dicom-json';
import { isLossyImage } from './lossy-image';
import {
  frameAcceptHeader,
  frameTransferSyntaxToRequest,
  isLossyTransferSyntax,
  isRetryableAsExplicitLittleEndian,
  transferSyntaxOfContentType,
} from './transfer-syntax';

describe('frameTransferSyntaxToRequest', () => {
  it('asks for explicit little endian where the stored syntax cannot travel as frames', () => {
    expect(frameTransferSyntaxToRequest('1.2.840.10008.1.2.2')).toBe('1.2.840.10008.1.2.1');
    expect(frameTransferSyntaxToRequest('1.2.840.10008.1.2.1.99')).toBe('1.2.840.10008.1.2.1');
  });
  it('takes whatever the server has otherwise, compressed ones included', () => {
    for (const uid of ['1.2.840.10008.1.2', '1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.5', null])
      expect(frameTransferSyntaxToRequest(uid)).toBe('*');
  });
  it('builds the Accept header', () => {
    expect(frameAcceptHeader('*')).toBe(
      'multipart/related; type=application/octet-stream; transfer-syntax=*',
    );
  });
  it('retries only failures a transcode can fix', () => {
    expect([400, 500, 406, 415].every(isRetryableAsExplicitLittleEndian)).toBe(true);
    expect([401, 403, 404, null].some(isRetryableAsExplicitLittleEndian)).toBe(false);
  });
});

describe('lossy detection', () => {
  const flagged = (flag: string | null, ts: string | null) => ({
    ...(flag ? { [DicomTag.LossyImageCompression]: { vr: 'CS', Value: [flag] } } : {}),
    ...(ts ? { [DicomTag.TransferSyntaxUid]: { vr: 'UI', Value: [ts] } } : {}),
  });
  it('knows the lossy transfer syntaxes', () => {
    expect(isLossyTransferSyntax('1.2.840.10008.1.2.4.50')).toBe(true);
    expect(isLossyTransferSyntax('1.2.840.10008.1.2.4.91')).toBe(true);
    expect(isLossyTransferSyntax('1.2.840.10008.1.2.4.90')).toBe(false);
    expect(isLossyTransferSyntax('1.2.840.10008.1.2.4.70')).toBe(false);
    expect(isLossyTransferSyntax(null)).toBe(false);
  });
  it('trusts LossyImageCompression first, then the stored transfer syntax', () => {
    expect(isLossyImage(flagged('01', '1.2.840.10008.1.2.1'))).toBe(true);
    expect(isLossyImage(flagged('00', '1.2.840.10008.1.2.4.91'))).toBe(false);
    expect(isLossyImage(flagged(null, '1.2.840.10008.1.2.4.51'))).toBe(true);
    expect(isLossyImage(flagged(null, null))).toBe(false);
  });
});

describe('transferSyntaxOfContentType', () => {
  it('reads the parameter, quoted or not', () => {
    expect(
      transferSyntaxOfContentType(
        'multipart/related; type="application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"; boundary=x',
      ),
    ).toBe('1.2.840.10008.1.2.1');
    expect(
      transferSyntaxOfContentType('application/octet-stream; transfer-syntax="1.2.840.10008.1.2.5"'),
    ).toBe('1.2.840.10008.1.2.5');
    expect(transferSyntaxOfContentType('application/octet-stream')).toBeNull();
  });
  it('falls back to what the media type implies', () => {
    expect(transferSyntaxOfContentType('image/jpeg')).toBe('1.2.840.10008.1.2.4.50');
    expect(transferSyntaxOfContentType('image/jls; charset=x')).toBe('1.2.840.10008.1.2.4.80');
  });
});
