import { describe, expect, it } from 'vitest';
import { checkNativeFrameLength, FrameLengthError, nativeFrameBytes } from './native-frame';
import { TransferSyntax } from './transfer-syntax';

const ct = { rows: 4, columns: 3, samplesPerPixel: 1, bitsAllocated: 16 };
const JPEG_LOSSLESS = '1.2.840.10008.1.2.4.70';

describe('native frame length', () => {
  it('is rows × columns × samples × bytes, 1-bit frames packed', () => {
    expect(nativeFrameBytes(ct)).toBe(24);
    expect(nativeFrameBytes({ rows: 3, columns: 3, samplesPerPixel: 3, bitsAllocated: 8 })).toBe(27);
    expect(nativeFrameBytes({ rows: 3, columns: 3, samplesPerPixel: 1, bitsAllocated: 1 })).toBe(2);
  });

  it('counts two samples a pixel for uncompressed YBR_FULL_422, as it is stored', () => {
    const ybr = { rows: 4, columns: 4, samplesPerPixel: 3, bitsAllocated: 8 };
    expect(nativeFrameBytes({ ...ybr, photometricInterpretation: 'YBR_FULL_422' })).toBe(32);
    expect(() =>
      checkNativeFrameLength(32, TransferSyntax.ExplicitVrLittleEndian, {
        ...ybr,
        photometricInterpretation: 'YBR_FULL_422',
      }),
    ).not.toThrow();
    expect(() => checkNativeFrameLength(32, TransferSyntax.ExplicitVrLittleEndian, ybr)).toThrow(
      FrameLengthError,
    );
  });

  it('accepts the exact length, and one pad byte after an odd one', () => {
    expect(() => checkNativeFrameLength(24, TransferSyntax.ExplicitVrLittleEndian, ct)).not.toThrow();
    const rgb = { rows: 3, columns: 3, samplesPerPixel: 3, bitsAllocated: 8 };
    expect(() => checkNativeFrameLength(28, TransferSyntax.ImplicitVrLittleEndian, rgb)).not.toThrow();
  });

  it('rejects truncated and padded frames in every native syntax', () => {
    for (const syntax of [
      TransferSyntax.ImplicitVrLittleEndian,
      TransferSyntax.ExplicitVrLittleEndian,
      TransferSyntax.ExplicitVrBigEndian,
    ]) {
      expect(() => checkNativeFrameLength(22, syntax, ct)).toThrow(FrameLengthError);
      expect(() => checkNativeFrameLength(26, syntax, ct)).toThrow(
        /too long \(26 bytes where its size says 24\)/,
      );
    }
    expect(() => checkNativeFrameLength(12, TransferSyntax.ExplicitVrLittleEndian, ct)).toThrow(/truncated/);
  });

  it('leaves compressed frames and unknown geometry to the decoders', () => {
    expect(() => checkNativeFrameLength(5, JPEG_LOSSLESS, ct)).not.toThrow();
    expect(() => checkNativeFrameLength(5, TransferSyntax.ExplicitVrLittleEndian, { rows: 4 })).not.toThrow();
  });
});
