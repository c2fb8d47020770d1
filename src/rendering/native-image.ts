import { metaData, type Types } from '@cornerstonejs/core';
import { getImageFrame } from '@cornerstonejs/dicom-image-loader/imageLoader';
import { isLittleEndianNativeSyntax, nativeSamplesOf } from '@/domain/imaging/native-frame';
import type { LoadOptions } from './load-options';
import { toModalityImage } from './modality-image';

interface PixelModule {
  samplesPerPixel?: number;
  photometricInterpretation?: string;
  rows?: number;
  columns?: number;
  bitsAllocated?: number;
  pixelRepresentation?: number;
}

/**
 * A 16-bit view needs an even offset, and a frame cut from a multipart body may start anywhere: such
 * bytes are copied here, into one buffer reused frame after frame (a fresh 512 KB buffer per CT slice
 * cost more than reading it), which nothing keeps: toModalityImage writes the values into their own.
 */
let unaligned = new ArrayBuffer(0);

function evenOffsetBytes(bytes: Uint8Array, length: number): Uint8Array {
  if (bytes.byteOffset % 2 === 0) return bytes;
  if (unaligned.byteLength < length) unaligned = new ArrayBuffer(length);
  const copy = new Uint8Array(unaligned, 0, length);
  copy.set(bytes.subarray(0, length));
  return copy;
}

/**
 * A greyscale frame sent uncompressed in little endian, as Cornerstone's loader and then
 * toModalityImage (modality-image.ts) make it, made in one pass on the main thread: the image the
 * loader builds (createImage with pre-scale off: its fields from the same metadata modules) over a
 * view of the frame's bytes, then its modality values. The loader would copy the frame to its worker
 * and back, and its values twice more into the type that fits them, before toModalityImage rewrote
 * every value once more: on a 300-slice series, seconds of the two cores the browser shares with the
 * PACS while the series loads.
 *
 * Null for anything else, which the loader decodes: colour, compressed, big-endian or deflated
 * frames, other than 8 or 16 bits allocated, a Modality or VOI LUT Sequence (the loader attaches
 * those), or a caller's target buffer (a volume's). The caller checks the frame's length first
 * (checkNativeFrameLength).
 */
export function nativeModalityImage(
  imageId: string,
  pixelData: Uint8Array,
  transferSyntax: string,
  options: LoadOptions,
): Types.IImage | null {
  if (!isLittleEndianNativeSyntax(transferSyntax) || options.targetBuffer !== undefined) return null;
  const pixel = (metaData.get('imagePixelModule', imageId) ?? {}) as PixelModule;
  const { rows, columns, bitsAllocated, photometricInterpretation } = pixel;
  if (pixel.samplesPerPixel !== 1 || (bitsAllocated !== 8 && bitsAllocated !== 16)) return null;
  if (photometricInterpretation !== 'MONOCHROME1' && photometricInterpretation !== 'MONOCHROME2') return null;
  if (!rows || !columns) return null;
  const modalityLut = (metaData.get('modalityLutModule', imageId) ?? {}) as {
    rescaleSlope?: number;
    rescaleIntercept?: number;
    modalityLUTSequence?: unknown[];
  };
  const voiLut = (metaData.get('voiLutModule', imageId) ?? {}) as {
    windowCenter?: number[];
    windowWidth?: number[];
    voiLUTSequence?: unknown[];
  };
  if ((modalityLut.modalityLUTSequence?.length ?? 0) > 0 || (voiLut.voiLUTSequence?.length ?? 0) > 0)
    return null;

  const started = performance.now();
  const count = rows * columns;
  const bytes = bitsAllocated === 16 ? evenOffsetBytes(pixelData, count * 2) : pixelData;
  const samples = nativeSamplesOf(bytes, count, bitsAllocated, pixel.pixelRepresentation === 1);
  // toModalityImage, below, sets the range, the pixel data and its voxel manager, and the window
  // when the image has none of its own, from the modality values, in its pass over them.
  const unknown = Number.NaN;
  const imageFrame = {
    ...getImageFrame(imageId),
    pixelData: samples,
    pixelDataLength: samples.length,
    smallestPixelValue: unknown,
    largestPixelValue: unknown,
    decodeTimeInMS: performance.now() - started,
  };
  const imagePlane = (metaData.get('imagePlaneModule', imageId) ?? {}) as {
    rowPixelSpacing?: number;
    columnPixelSpacing?: number;
  };
  const image = {
    imageId,
    dataType: samples.constructor.name as Types.PixelDataTypedArrayString,
    color: false,
    calibration: (metaData.get('calibrationModule', imageId) ?? {}) as Types.IImageCalibration,
    columnPixelSpacing: imagePlane.columnPixelSpacing,
    rowPixelSpacing: imagePlane.rowPixelSpacing,
    columns,
    rows,
    width: columns,
    height: rows,
    intercept: modalityLut.rescaleIntercept || 0,
    slope: modalityLut.rescaleSlope || 1,
    invert: photometricInterpretation === 'MONOCHROME1',
    minPixelValue: unknown,
    maxPixelValue: unknown,
    sizeInBytes: samples.byteLength,
    windowCenter: voiLut.windowCenter?.[0] ?? unknown,
    windowWidth: voiLut.windowWidth?.[0] ?? unknown,
    decodeTimeInMS: imageFrame.decodeTimeInMS,
    imageFrame,
    rgba: false,
    getPixelData: () => imageFrame.pixelData,
    numberOfComponents: 1,
  } satisfies Partial<Types.IImage>;
  // As the loader's: pixel spacing stays undefined when the metadata has none, and a greyscale image
  // has no canvas; Cornerstone reads them so, though its type says they are there. (The VOI function
  // is decode-frame.ts's, for every image alike.)
  return toModalityImage(image as unknown as Types.IImage);
}
