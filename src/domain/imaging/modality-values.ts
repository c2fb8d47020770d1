/**
 * Stored pixel values → modality values (PS3.3 C.7.6.3.1.1 and C.11.1): the stored bits of each
 * sample (BitsStored, PixelRepresentation), then the linear rescale (RescaleSlope/Intercept, and a
 * further factor such as SUV or dose grid scaling). Pure arithmetic in doubles; the output array is
 * the smallest one that holds every value exactly, else Float32Array.
 */
export interface StoredPixelEncoding {
  bitsStored: number;
  /** PixelRepresentation 1: two's complement within BitsStored. */
  signed: boolean;
}

export interface LinearRescale {
  slope: number;
  intercept: number;
  /** Applied after slope and intercept (SUV body weight, dose grid scaling); 1 when none. */
  factor: number;
}

export type ModalityArray = Uint8Array | Int16Array | Uint16Array | Float32Array;

export interface ModalityValues {
  values: ModalityArray;
  min: number;
  max: number;
}

export const IDENTITY_RESCALE: LinearRescale = { slope: 1, intercept: 0, factor: 1 };

/**
 * The stored value of a decoded sample: only the low BitsStored bits count (bits above may hold
 * overlays or garbage), sign-extended when signed. Idempotent, so decoders that already extended
 * the sign, or already masked, give the same answer.
 */
export function storedValueOf(sample: number, { bitsStored, signed }: StoredPixelEncoding): number {
  if (!Number.isInteger(sample) || bitsStored <= 0 || bitsStored >= 32) return sample;
  const span = 2 ** bitsStored;
  const low = ((sample % span) + span) % span;
  return signed && low >= span / 2 ? low - span : low;
}

function arrayFor(min: number, max: number, integers: boolean, length: number): ModalityArray {
  if (integers && min >= 0 && max <= 255) return new Uint8Array(length);
  if (integers && min >= -32768 && max <= 32767) return new Int16Array(length);
  if (integers && min >= 0 && max <= 65535) return new Uint16Array(length);
  return new Float32Array(length);
}

export function modalityValuesOf(
  samples: ArrayLike<number>,
  encoding: StoredPixelEncoding,
  rescale: LinearRescale,
): ModalityValues {
  const { slope, intercept, factor } = rescale;
  const scaled = new Float64Array(samples.length);
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < samples.length; i += 1) {
    const value = (storedValueOf(samples[i] ?? 0, encoding) * slope + intercept) * factor;
    scaled[i] = value;
    if (value < min) min = value;
    if (value > max) max = value;
    if (integers && !Number.isInteger(value)) integers = false;
  }
  if (samples.length === 0) return { values: new Float32Array(0), min: 0, max: 0 };
  const values = arrayFor(min, max, integers, samples.length);
  values.set(scaled);
  // A Float32 array rounds: report its own extremes so ranges match what is drawn.
  return values instanceof Float32Array
    ? { values, min: Math.fround(min), max: Math.fround(max) }
    : { values, min, max };
}
