/**
 * Stored pixel values → modality values (PS3.3 C.7.6.3.1.1 and C.11.1): the stored bits of each
 * sample (BitsStored, PixelRepresentation), then the linear rescale (RescaleSlope/Intercept, and a
 * further factor such as SUV or dose grid scaling). Arithmetic in doubles; the output array is the
 * smallest one that holds every value exactly, else Float32Array.
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
export function storedValueOf(sample: number, encoding: StoredPixelEncoding): number {
  return Number.isInteger(sample) ? storedBitsReader(encoding)(sample) : sample;
}

/** Bit operations (int32) in the hot loop: a few ms for a 512×512 slice, where modulo took 100+. */
function storedBitsReader({ bitsStored, signed }: StoredPixelEncoding): (sample: number) => number {
  if (bitsStored <= 0 || bitsStored >= 32) return (sample) => sample;
  const mask = 2 ** bitsStored - 1;
  const shift = 32 - bitsStored;
  return signed ? (sample) => ((sample & mask) << shift) >> shift : (sample) => sample & mask;
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
  const n = samples.length;
  if (n === 0) return { values: new Float32Array(0), min: 0, max: 0 };
  const stored = storedBitsReader(encoding);
  const { m, b } = foldedRescale(rescale);
  if (isIntegerArray(samples) && Number.isInteger(m) && Number.isInteger(b))
    return integerModalityValues(samples, encoding, m, b);
  // Two passes rather than a double-precision copy: a 300-slice CT is converted on the main thread.
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < n; i += 1) {
    const value = stored(samples[i] as number) * m + b;
    if (value < min) min = value;
    if (value > max) max = value;
    // A fractional slope can still give integers (12-bit multiples of 16 with slope 1/16).
    if (integers && !Number.isInteger(value)) integers = false;
  }
  const values = arrayFor(min, max, integers, n);
  for (let i = 0; i < n; i += 1) values[i] = stored(samples[i] as number) * m + b;
  if (!(values instanceof Float32Array)) return { values, min, max };
  // A Float32 array rounds: report its own extremes so ranges match what is drawn.
  return { values, min: Math.fround(min), max: Math.fround(max) };
}

/**
 * The modality value of every word a sample of `wordBits` bits can hold (the raw word, before its
 * stored bits are read), exactly as `modalityValuesOf` stores it: an integer array holds its values
 * exactly, and a Float32Array rounds them, which these Float32 entries do alike (integers that fit
 * 16 bits are exact in 32-bit floats). For a frame with more samples than words (a 512² CT slice:
 * 262,144 samples, 65,536 words) one lookup per sample replaces the arithmetic: the first paint.
 */
export function modalityLookupTable(
  wordBits: 8 | 16,
  encoding: StoredPixelEncoding,
  rescale: LinearRescale,
): Float32Array {
  const stored = storedBitsReader(encoding);
  const { m, b } = foldedRescale(rescale);
  const table = new Float32Array(2 ** wordBits);
  for (let word = 0; word < table.length; word += 1) table[word] = stored(word) * m + b;
  return table;
}

/** Slope and intercept folded with the factor once: (s·slope + intercept)·factor = s·m + b. */
function foldedRescale({ slope, intercept, factor }: LinearRescale): { m: number; b: number } {
  return { m: slope * factor, b: intercept * factor };
}

type IntegerArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;

function isIntegerArray(samples: ArrayLike<number>): samples is IntegerArray {
  return (
    samples instanceof Uint8Array ||
    samples instanceof Int8Array ||
    samples instanceof Uint16Array ||
    samples instanceof Int16Array ||
    samples instanceof Uint32Array ||
    samples instanceof Int32Array
  );
}

/** Whether every sample of this array is its own stored value (BitsStored fills the type, same sign). */
function isWholeWidth(samples: IntegerArray, { bitsStored, signed }: StoredPixelEncoding): boolean {
  if (samples instanceof Int16Array) return signed && bitsStored === 16;
  if (samples instanceof Uint16Array) return !signed && bitsStored === 16;
  if (samples instanceof Uint8Array) return !signed && bitsStored === 8;
  if (samples instanceof Int8Array) return signed && bitsStored === 8;
  return false;
}

/**
 * Integer samples, integer slope and intercept (most CT: 1 and −1024): every value is an integer,
 * and the extremes are those of the stored values mapped (the map is monotonic), so the first pass
 * reads stored values only; samples that fill their type are read without masking. About a third of
 * the general loop's time, which counts: every image of a series is converted on the main thread.
 */
function integerModalityValues(
  samples: IntegerArray,
  encoding: StoredPixelEncoding,
  m: number,
  b: number,
): ModalityValues {
  const n = samples.length;
  const read = isWholeWidth(samples, encoding) ? samples : storedValues(samples, encoding);
  let storedMin = Infinity;
  let storedMax = -Infinity;
  for (let i = 0; i < n; i += 1) {
    const value = read[i] as number;
    storedMin = value < storedMin ? value : storedMin;
    storedMax = value > storedMax ? value : storedMax;
  }
  const ends = [storedMin * m + b, storedMax * m + b];
  const min = Math.min(...ends);
  const max = Math.max(...ends);
  const values = arrayFor(min, max, true, n);
  if (m === 1) for (let i = 0; i < n; i += 1) values[i] = (read[i] as number) + b;
  else for (let i = 0; i < n; i += 1) values[i] = (read[i] as number) * m + b;
  // Integers beyond 16 bits land in a Float32Array: report its own extremes.
  if (!(values instanceof Float32Array)) return { values, min, max };
  return { values, min: Math.fround(min), max: Math.fround(max) };
}

/** The stored values, masked and sign-extended, in an array that holds them all (Int32: BitsStored < 32). */
function storedValues(samples: IntegerArray, encoding: StoredPixelEncoding): Int32Array | Float64Array {
  const stored = storedBitsReader(encoding);
  const n = samples.length;
  const out = encoding.bitsStored < 32 ? new Int32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i += 1) out[i] = stored(samples[i] as number);
  return out;
}
