import { metaData, utilities, type Types } from '@cornerstonejs/core';
import { isValidWindow } from '@/domain/imaging/voi-window';
import {
  IDENTITY_RESCALE,
  modalityValuesOf,
  type LinearRescale,
  type StoredPixelEncoding,
} from '@/domain/imaging/modality-values';

/**
 * Cornerstone's DICOM image loader pre-scales in its worker (postProcessDecodedPixels in
 * decodeImageFrameWorker.js): it picks the output array from the *scaled* min/max
 * (getPixelDataTypeFromMinMax), copies the *raw* stored values into it and only then rescales in
 * place. Unsigned values above the chosen type's range wrap (a CT stored ×16 with slope 1/16 lands
 * in an Int16Array: bone turns black), fractional results are truncated whenever the two extremes
 * happen to be integers (createImage's setPixelDataType does that once more), a negative slope swaps
 * min and max, and signed 8-bit samples are sign-extended into a Uint8Array and lost. So the loader
 * is asked for the stored values (pre-scale off, where its array fits the raw range) and the modality
 * values are computed here, in doubles, into an array that holds them exactly.
 */
export const DECODE_WITHOUT_PRESCALE = { preScale: { enabled: false } } as const;

interface ModalityLutModule {
  rescaleSlope?: number;
  rescaleIntercept?: number;
}
interface ScalingModule {
  suvbw?: number;
  DoseGridScaling?: number;
}

/** The loader's own scaling rules (getScalingParameters.js), so SUV and dose grids mean the same. */
function rescaleOf(imageId: string): LinearRescale & { modality?: string } {
  const lut = (metaData.get('modalityLutModule', imageId) ?? {}) as ModalityLutModule;
  const modality = (metaData.get('generalSeriesModule', imageId) as { modality?: string } | undefined)
    ?.modality;
  const scaling = (metaData.get('scalingModule', imageId) ?? {}) as ScalingModule;
  const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
  if (modality === 'RTDOSE' && finite(scaling.DoseGridScaling))
    return { slope: scaling.DoseGridScaling, intercept: 0, factor: 1, modality };
  const slope = finite(lut.rescaleSlope) && lut.rescaleSlope !== 0 ? lut.rescaleSlope : 1;
  const intercept = finite(lut.rescaleIntercept) ? lut.rescaleIntercept : 0;
  const factor = modality === 'PT' && finite(scaling.suvbw) ? scaling.suvbw : IDENTITY_RESCALE.factor;
  return { slope, intercept, factor, modality };
}

function encodingOf(frame: Types.IImageFrame): StoredPixelEncoding | null {
  const { bitsAllocated, bitsStored, pixelRepresentation, samplesPerPixel } = frame;
  if (samplesPerPixel !== 1 || ![8, 16, 32].includes(bitsAllocated)) return null;
  return { bitsStored: bitsStored || bitsAllocated, signed: pixelRepresentation === 1 };
}

/** Whether the metadata names a usable window (invalid ones are dropped at registration). */
function hasOwnWindow(imageId: string): boolean {
  const voi = metaData.get('voiLutModule', imageId) as
    { windowCenter?: number[]; windowWidth?: number[] } | undefined;
  return (voi?.windowCenter?.length ?? 0) > 0 && (voi?.windowWidth?.length ?? 0) > 0;
}

/**
 * Replaces a greyscale image's stored values with its modality values, as Cornerstone expects of a
 * pre-scaled image (`preScale.scaled`): the viewport draws them, windows are in their units and the
 * ROI tools report them (HU for CT). Colour and float images are left as they are.
 */
export function toModalityImage(image: Types.IImage): Types.IImage {
  const frame = image.imageFrame;
  const raw = image.getPixelData();
  const encoding = frame && !image.color ? encodingOf(frame) : null;
  if (!frame || !encoding || raw instanceof Float32Array || raw instanceof Float64Array) return image;
  const { modality, ...rescale } = rescaleOf(image.imageId);
  const { values, min, max } = modalityValuesOf(raw, encoding, rescale);
  frame.pixelData = values;
  frame.smallestPixelValue = min;
  frame.largestPixelValue = max;
  image.getPixelData = () => values;
  image.voxelManager = utilities.VoxelManager.createImageVoxelManager({
    scalarData: values,
    width: image.columns,
    height: image.rows,
    numberOfComponents: 1,
  });
  image.dataType = values.constructor.name as Types.PixelDataTypedArrayString;
  image.minPixelValue = min;
  image.maxPixelValue = max;
  image.sizeInBytes = values.byteLength;
  // An identity rescale is no pre-scale (as the loader has it): a Modality LUT Sequence, if any,
  // still applies downstream.
  if (rescale.slope !== 1 || rescale.intercept !== 0 || rescale.factor !== 1) {
    frame.preScale = { enabled: true, scaled: true };
    image.preScale = {
      enabled: true,
      scaled: true,
      scalingParameters: {
        modality,
        rescaleSlope: rescale.slope,
        rescaleIntercept: rescale.intercept,
        ...(modality === 'PT' && rescale.factor !== 1 ? { suvbw: rescale.factor } : {}),
      },
    };
  }
  // Without a window of its own the loader used the stored range: use the modality range instead.
  if (!hasOwnWindow(image.imageId)) {
    const { windowCenter, windowWidth } = utilities.windowLevel.toWindowLevel(min, max);
    image.windowCenter = windowCenter;
    image.windowWidth = Math.max(1, windowWidth);
  }
  return image;
}

/**
 * The safety net behind registration's filter (which sees only top-level WindowCenter/Width): a window
 * the image still carries with a width below 1 or no centre, from wherever it came (an enhanced
 * image's functional groups, say), is replaced by the pixel range, so no image opens as a threshold
 * or inverted.
 */
export function withUsableWindow(image: Types.IImage): Types.IImage {
  const first = (value: number | number[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const center = first(image.windowCenter) ?? Number.NaN;
  const width = first(image.windowWidth) ?? Number.NaN;
  if (isValidWindow({ center, width })) return image;
  const { windowCenter, windowWidth } = utilities.windowLevel.toWindowLevel(
    image.minPixelValue,
    image.maxPixelValue,
  );
  image.windowCenter = windowCenter;
  image.windowWidth = Math.max(1, windowWidth);
  return image;
}
