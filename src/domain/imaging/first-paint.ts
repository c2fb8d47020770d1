import { DicomTag, dicomNumber, dicomNumbers, dicomString, type DicomJsonInstance } from './dicom-json';
import {
  modalityLookupTable,
  modalityValuesOf,
  type LinearRescale,
  type StoredPixelEncoding,
} from './modality-values';
import {
  isLittleEndianNativeSyntax,
  nativeFrameBytes,
  nativeFrameGeometryOf,
  nativeSamplesOf,
} from './native-frame';
import { validWindowsOf, type VoiWindow } from './voi-window';

/** A frame as 8-bit grey RGBA, ready for a 2D canvas, with its pixels' aspect (height ÷ width). */
export interface FirstPaint {
  columns: number;
  rows: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
  pixelAspect: number;
}

const TAG = {
  BitsStored: '00280101',
  PixelRepresentation: '00280103',
  RescaleSlope: '00281053',
  RescaleIntercept: '00281052',
  PixelSpacing: '00280030',
  ModalityLutSequence: '00283000',
  VoiLutSequence: '00283010',
  VoiLutFunction: '00281056',
  SharedFunctionalGroupsSequence: '52009229',
  PerFrameFunctionalGroupsSequence: '52009230',
} as const;

/**
 * A first frame drawn without the viewer's renderer (Cornerstone, megabytes to load), exactly as the
 * viewer will draw it once it has started: the same modality values (modality-values.ts), the same
 * initial window (the instance's first valid window, else the image's range: modality-image.ts), the
 * DICOM linear VOI function (PS3.3 C.11.2.1.2.1), MONOCHROME1 inverted. Anything it cannot reproduce
 * exactly gives null and the clinician waits for the renderer instead: compressed or big-endian
 * frames, colour, a Modality or VOI LUT sequence, a non-linear VOI function, enhanced objects (their
 * rescale and windows are per frame, in functional groups), PET (SUV scaling) and dose grids, and
 * bytes that are not this image's size.
 */
export function firstPaintOf(
  instance: DicomJsonInstance,
  pixelData: Uint8Array,
  transferSyntax: string,
): FirstPaint | null {
  // Little-endian raw samples only: the bytes are the pixels, no codec needed.
  if (!isLittleEndianNativeSyntax(transferSyntax) || !describesPaintableImage(instance)) return null;
  const geometry = nativeFrameGeometryOf(instance);
  if (!geometry || geometry.samplesPerPixel !== 1) return null;
  const { rows, columns, bitsAllocated } = geometry;
  if (bitsAllocated !== 8 && bitsAllocated !== 16) return null;
  const length = nativeFrameBytes(geometry);
  // One pad byte after an odd length is allowed; anything else is not this image.
  if (pixelData.byteLength !== length && pixelData.byteLength !== length + 1) return null;

  // Unsigned words: the 16-bit path looks every word up in a table (greyRgbaByWord).
  const samples = nativeSamplesOf(pixelData, rows * columns, bitsAllocated, false);
  const slope = dicomNumber(instance, TAG.RescaleSlope);
  const intercept = dicomNumber(instance, TAG.RescaleIntercept);
  const encoding: StoredPixelEncoding = {
    bitsStored: dicomNumber(instance, TAG.BitsStored) ?? bitsAllocated,
    signed: dicomNumber(instance, TAG.PixelRepresentation) === 1,
  };
  const rescale: LinearRescale = {
    slope: slope !== null && Number.isFinite(slope) && slope !== 0 ? slope : 1,
    intercept: intercept !== null && Number.isFinite(intercept) ? intercept : 0,
    factor: 1,
  };
  const greys: GreyMapping = {
    window: validWindowsOf(instance)[0] ?? null,
    invert: dicomString(instance, DicomTag.PhotometricInterpretation) === 'MONOCHROME1',
  };
  const rgba =
    samples.length >= 2 ** bitsAllocated
      ? greyRgbaByWord(samples, bitsAllocated, encoding, rescale, greys)
      : greyRgbaBySample(samples, encoding, rescale, greys);
  const [rowSpacing, columnSpacing] = dicomNumbers(instance, TAG.PixelSpacing);
  const pixelAspect =
    rowSpacing !== undefined && columnSpacing !== undefined && rowSpacing > 0 && columnSpacing > 0
      ? rowSpacing / columnSpacing
      : 1;
  return { columns, rows, rgba, pixelAspect };
}

/**
 * What firstPaintOf can tell from the instance's metadata alone: a grey image it reproduces exactly
 * (not colour, PET or a dose grid, no Modality or VOI LUT sequence, no functional groups, a linear VOI
 * function). Whether its frame is too (a native syntax, this image's size) only the bytes say.
 */
export function describesPaintableImage(instance: DicomJsonInstance): boolean {
  const photometric = dicomString(instance, DicomTag.PhotometricInterpretation);
  if (photometric !== 'MONOCHROME1' && photometric !== 'MONOCHROME2') return false;
  const modality = dicomString(instance, DicomTag.Modality);
  if (modality === 'PT' || modality === 'RTDOSE') return false;
  if (TAG.ModalityLutSequence in instance || TAG.VoiLutSequence in instance) return false;
  // Enhanced objects keep rescale and windows per frame in functional groups, not at the top level.
  if (TAG.SharedFunctionalGroupsSequence in instance || TAG.PerFrameFunctionalGroupsSequence in instance)
    return false;
  const voiFunction = dicomString(instance, TAG.VoiLutFunction);
  return voiFunction === null || voiFunction === 'LINEAR';
}

/** firstPaintOf, with bytes it throws on (a buffer a decode has since taken, say) refused alike. */
export function firstPaintOrNull(
  instance: DicomJsonInstance,
  pixelData: Uint8Array,
  transferSyntax: string,
): FirstPaint | null {
  try {
    return firstPaintOf(instance, pixelData, transferSyntax);
  } catch {
    return null;
  }
}

/** The first valid window (null: the image's range), and MONOCHROME1's inversion. */
interface GreyMapping {
  window: VoiWindow | null;
  invert: boolean;
}

/** Each sample's modality value, then its grey. */
export function greyRgbaBySample(
  samples: Uint8Array | Uint16Array,
  encoding: StoredPixelEncoding,
  rescale: LinearRescale,
  { window, invert }: GreyMapping,
): Uint8ClampedArray<ArrayBuffer> {
  const { values, min, max } = modalityValuesOf(samples, encoding, rescale);
  return greyRgba(values, window ?? rangeWindow(min, max), invert);
}

/**
 * The same pixels through a table of every word's RGBA (modality-values.ts `modalityLookupTable`),
 * copied 32 bits at a time: a few passes over 65,536 words and one over the samples, instead of four
 * over the samples. It counts because the first paint runs once, on code the page has not run before
 * (not yet optimised), between the frame's arrival and the image on screen.
 */
export function greyRgbaByWord(
  samples: Uint8Array | Uint16Array,
  wordBits: 8 | 16,
  encoding: StoredPixelEncoding,
  rescale: LinearRescale,
  { window, invert }: GreyMapping,
): Uint8ClampedArray<ArrayBuffer> {
  const modality = modalityLookupTable(wordBits, encoding, rescale);
  const n = samples.length;
  let shown = window;
  if (!shown) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i += 1) {
      const value = modality[samples[i] as number] as number;
      min = value < min ? value : min;
      max = value > max ? value : max;
    }
    shown = rangeWindow(min, max);
  }
  // RGBA bytes per word read as one 32-bit word each: copying words keeps the bytes' order.
  const byWord = new Uint32Array(greyRgba(modality, shown, invert).buffer);
  const rgba = new Uint8ClampedArray(n * 4);
  const out = new Uint32Array(rgba.buffer);
  for (let i = 0; i < n; i += 1) out[i] = byWord[samples[i] as number] as number;
  return rgba;
}

/** The image's own range as a window, as the viewer opens an image that names none. */
function rangeWindow(min: number, max: number): VoiWindow {
  return { center: (min + max) / 2, width: Math.max(1, max - min) };
}

/** PS3.3 C.11.2.1.2.1, the linear VOI function, to 0–255. */
function greyRgba(values: ArrayLike<number>, { center, width }: VoiWindow, invert: boolean) {
  const rgba = new Uint8ClampedArray(values.length * 4);
  const low = center - 0.5 - (width - 1) / 2;
  const high = center - 0.5 + (width - 1) / 2;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    // A width of 1 is a threshold (the formula's divisor would be 0).
    let grey =
      value <= low
        ? 0
        : value > high || width === 1
          ? 255
          : ((value - (center - 0.5)) / (width - 1) + 0.5) * 255;
    if (invert) grey = 255 - grey;
    const at = i * 4;
    rgba[at] = grey;
    rgba[at + 1] = grey;
    rgba[at + 2] = grey;
    rgba[at + 3] = 255;
  }
  return rgba;
}
