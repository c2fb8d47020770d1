import { DicomTag, dicomNumber, dicomString, type DicomJsonInstance } from './dicom-json';
import { TransferSyntax } from './transfer-syntax';

/** The pixel description a native (uncompressed) frame's length follows from. */
export interface NativeFrameGeometry {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  /**
   * YBR_FULL_422 stored uncompressed keeps two samples per pixel, not three (PS3.3 C.7.6.3.1.2: each
   * pair of pixels is Y Y Cb Cr), whatever SamplesPerPixel says.
   */
  photometricInterpretation?: string | undefined;
}

const NATIVE_SYNTAXES = new Set<string>([
  TransferSyntax.ImplicitVrLittleEndian,
  TransferSyntax.ExplicitVrLittleEndian,
  TransferSyntax.DeflatedExplicitVrLittleEndian,
  TransferSyntax.ExplicitVrBigEndian,
]);

/** Native syntaxes whose bytes are the samples as this machine reads them (every browser is little endian). */
const LITTLE_ENDIAN_NATIVE_SYNTAXES = new Set<string>([
  TransferSyntax.ImplicitVrLittleEndian,
  TransferSyntax.ExplicitVrLittleEndian,
]);

/** Whether frames in this syntax are raw samples (no codec between the bytes and the pixels). */
export function isNativeTransferSyntax(transferSyntax: string): boolean {
  return NATIVE_SYNTAXES.has(transferSyntax);
}

/** A native frame whose byte count does not match its image: decoding it would shift every row. */
export class FrameLengthError extends Error {
  constructor(
    readonly actual: number,
    readonly expected: number,
  ) {
    super(
      `This image's pixel data is ${actual < expected ? 'truncated' : 'too long'} ` +
        `(${actual} bytes where its size says ${expected}): it is not shown.`,
    );
    this.name = 'FrameLengthError';
  }
}

/** The geometry an instance's DICOM JSON describes; null without rows, columns or BitsAllocated. */
export function nativeFrameGeometryOf(instance: DicomJsonInstance): NativeFrameGeometry | null {
  const rows = dicomNumber(instance, DicomTag.Rows);
  const columns = dicomNumber(instance, DicomTag.Columns);
  const bitsAllocated = dicomNumber(instance, DicomTag.BitsAllocated);
  if (!rows || !columns || !bitsAllocated) return null;
  return {
    rows,
    columns,
    bitsAllocated,
    samplesPerPixel: dicomNumber(instance, DicomTag.SamplesPerPixel) ?? 1,
    photometricInterpretation: dicomString(instance, DicomTag.PhotometricInterpretation) ?? undefined,
  };
}

/** Bytes of one native frame (PS3.5 8.1.1); 1-bit frames are packed. */
export function nativeFrameBytes({
  rows,
  columns,
  samplesPerPixel,
  bitsAllocated,
  photometricInterpretation,
}: NativeFrameGeometry): number {
  const samples = rows * columns * (photometricInterpretation === 'YBR_FULL_422' ? 2 : samplesPerPixel);
  return bitsAllocated === 1 ? Math.ceil(samples / 8) : samples * (bitsAllocated / 8);
}

/**
 * Throws FrameLengthError when a frame in a native syntax has other than its size's bytes. One pad
 * byte is allowed after an odd length (values have even length in DICOM); compressed syntaxes and
 * geometry we cannot read are not judged here (their decoders are).
 */
export function checkNativeFrameLength(
  byteLength: number,
  transferSyntax: string,
  geometry: Partial<NativeFrameGeometry>,
): void {
  if (!NATIVE_SYNTAXES.has(transferSyntax)) return;
  const { rows, columns, samplesPerPixel = 1, bitsAllocated } = geometry;
  const known = [rows, columns, samplesPerPixel, bitsAllocated].every(
    (value) => typeof value === 'number' && Number.isInteger(value) && value > 0,
  );
  if (!known) return;
  const expected = nativeFrameBytes({
    rows: rows ?? 0,
    columns: columns ?? 0,
    samplesPerPixel,
    bitsAllocated: bitsAllocated ?? 0,
    photometricInterpretation: geometry.photometricInterpretation,
  });
  const padded = expected % 2 === 1 && byteLength === expected + 1;
  if (byteLength !== expected && !padded) throw new FrameLengthError(byteLength, expected);
}

/** Whether a frame in this syntax can be read as typed samples over its bytes (`nativeSamplesOf`). */
export function isLittleEndianNativeSyntax(transferSyntax: string): boolean {
  return LITTLE_ENDIAN_NATIVE_SYNTAXES.has(transferSyntax);
}

export type NativeSamples = Uint8Array | Int8Array | Uint16Array | Int16Array;

/**
 * The first `count` samples of a little-endian native frame of 8 or 16 bits allocated, as a typed
 * view over its bytes: signed views for signed pixels (PixelRepresentation 1), so that samples filling
 * their type need no sign extension. The bytes are copied only when a 16-bit view would start at an
 * odd offset (a frame cut from a multipart body may start anywhere). Throws if the bytes are too few.
 */
export function nativeSamplesOf(
  bytes: Uint8Array,
  count: number,
  bitsAllocated: 8 | 16,
  signed: false,
): Uint8Array | Uint16Array;
export function nativeSamplesOf(
  bytes: Uint8Array,
  count: number,
  bitsAllocated: 8 | 16,
  signed: boolean,
): NativeSamples;
export function nativeSamplesOf(
  bytes: Uint8Array,
  count: number,
  bitsAllocated: 8 | 16,
  signed: boolean,
): NativeSamples {
  const length = count * (bitsAllocated / 8);
  if (bytes.byteLength < length) throw new FrameLengthError(bytes.byteLength, length);
  if (bitsAllocated === 8)
    return signed ? new Int8Array(bytes.buffer, bytes.byteOffset, count) : bytes.subarray(0, count);
  const aligned = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice(0, length);
  return signed
    ? new Int16Array(aligned.buffer, aligned.byteOffset, count)
    : new Uint16Array(aligned.buffer, aligned.byteOffset, count);
}
