import { nativeFrameBytes, type NativeFrameGeometry } from './native-frame';

/**
 * Uncompressed YBR_FULL_422 (PS3.3 C.7.6.3.1.2: each pair of pixels in a row is stored Y₁ Y₂ Cb Cr)
 * as interleaved RGB. Cornerstone's decoder converts this layout only when it came out of a JPEG
 * decoder (its length test expects another size), so a native frame (a whole instance's, or a
 * server's that serves them) is converted here with the YBR_FULL equations before it is decoded.
 * Returns null when the frame is not such a frame (other photometric interpretation, or its length).
 */
export function ybrFull422AsRgb(
  frame: Uint8Array,
  geometry: Partial<NativeFrameGeometry>,
): Uint8Array | null {
  const { rows, columns, bitsAllocated, photometricInterpretation } = geometry;
  if (photometricInterpretation !== 'YBR_FULL_422' || bitsAllocated !== 8 || !rows || !columns) return null;
  if (columns % 2 !== 0) return null;
  const expected = nativeFrameBytes({
    rows,
    columns,
    samplesPerPixel: 3,
    bitsAllocated,
    photometricInterpretation,
  });
  if (frame.length !== expected && frame.length !== expected + 1) return null;
  const rgb = new Uint8Array(rows * columns * 3);
  for (let pixel = 0; pixel < rows * columns; pixel += 1) {
    const pair = (pixel >> 1) * 4;
    const y = frame[pair + (pixel & 1)] ?? 0;
    const cb = (frame[pair + 2] ?? 128) - 128;
    const cr = (frame[pair + 3] ?? 128) - 128;
    rgb[pixel * 3] = clamp(y + 1.402 * cr);
    rgb[pixel * 3 + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr);
    rgb[pixel * 3 + 2] = clamp(y + 1.772 * cb);
  }
  return rgb;
}

function clamp(value: number): number {
  return Math.min(255, Math.max(0, Math.round(value)));
}
