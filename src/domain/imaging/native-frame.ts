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
