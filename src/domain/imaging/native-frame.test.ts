import { describe, expect, it } from 'vitest';
import { checkNativeFrameLength, FrameLengthError, nativeFrameBytes, nativeSamplesOf } from './native-frame';
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

describe('native samples', () => {
  const words = [0x0001, 0xfc00, 0x7fff];
  const bytes = (offset: number) => {
    const buffer = new Uint8Array(offset + 6 + 1);
    words.forEach((word, i) => {
      buffer[offset + 2 * i] = word & 0xff;
      buffer[offset + 2 * i + 1] = word >> 8;
    });
    return buffer.subarray(offset, offset + 6);
  };

  it('reads 16-bit little-endian samples in place, signed ones as signed', () => {
    const frame = bytes(2);
    const unsigned = nativeSamplesOf(frame, 3, 16, false);
    expect(Array.from(unsigned)).toEqual([1, 0xfc00, 0x7fff]);
    expect(unsigned.buffer).toBe(frame.buffer);
    expect(Array.from(nativeSamplesOf(frame, 3, 16, true))).toEqual([1, -1024, 32767]);
  });

  it('copies a 16-bit frame that starts at an odd offset, and reads 8-bit frames as they are', () => {
    const frame = bytes(1);
    const samples = nativeSamplesOf(frame, 3, 16, true);
    expect(Array.from(samples)).toEqual([1, -1024, 32767]);
    expect(samples.buffer).not.toBe(frame.buffer);
    expect(Array.from(nativeSamplesOf(Uint8Array.from([0, 128, 255]), 3, 8, true))).toEqual([0, -128, -1]);
    expect(Array.from(nativeSamplesOf(Uint8Array.from([0, 128, 255]), 2, 8, false))).toEqual([0, 128]);
  });

  it('refuses fewer bytes than the samples need', () => {
    expect(() => nativeSamplesOf(bytes(0), 4, 16, false)).toThrow(FrameLengthError);
  });
});
