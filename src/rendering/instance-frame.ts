import dicomParser from 'dicom-parser';
import { nativeFrameBytes } from '@/domain/imaging/native-frame';
import { TransferSyntax } from '@/domain/imaging/transfer-syntax';
import type { FrameBytes } from './frame-request';

/**
 * A frame cut out of a parsed Part 10 instance: native frames by offset; encapsulated ones by the
 * Basic Offset Table or, without one, by JPEG markers across fragments, so the decoder gets exactly
 * what a frame request would have brought. Cornerstone's WADO-URI `getPixelData` does the same, but
 * reaches dicom-parser through a namespace import that loses its functions outside a bundler (the
 * unit tests), so the few calls are made here. Free of the DOM and the session: the series answer is
 * read with it in a worker (series-answer.ts).
 */

export class InstanceFrameError extends Error {
  override readonly name = 'InstanceFrameError';
}

/**
 * Frame `frame` (1-based) of a parsed Part 10 data set, with the syntax it is encoded in. A native
 * frame is a copy, so that a data set kept for its other frames is never shared with a decoder that
 * may take its buffer; `{ view: true }` makes it a view instead, for a data set nothing else keeps
 * (a series answer's instance of one frame: a 512 KB copy per CT slice saved).
 */
export function frameOfDataSet(
  dataSet: dicomParser.DataSet,
  frame: number,
  { view = false }: { view?: boolean } = {},
): FrameBytes {
  const frames = dataSet.intString('x00280008') ?? 1;
  if (frame > frames) throw new InstanceFrameError(`The instance has ${frames} frame(s), not ${frame}.`);
  const element = dataSet.elements.x7fe00010;
  if (!element) throw new InstanceFrameError('The instance has no pixel data.');
  let pixelData: Uint8Array;
  try {
    pixelData = element.encapsulatedPixelData
      ? encapsulatedFrame(dataSet, element, frame - 1, frames)
      : nativeFrame(dataSet, element, frame - 1, view);
  } catch (cause) {
    // dicom-parser throws strings as well as Errors.
    throw new InstanceFrameError(`The instance's pixel data could not be read: ${String(cause)}`);
  }
  return {
    pixelData,
    transferSyntax: dataSet.string('x00020010')?.trim() || TransferSyntax.ImplicitVrLittleEndian,
  };
}

function encapsulatedFrame(
  dataSet: dicomParser.DataSet,
  element: dicomParser.Element,
  index: number,
  frames: number,
): Uint8Array {
  if (element.basicOffsetTable?.length)
    return dicomParser.readEncapsulatedImageFrame(dataSet, element, index);
  // No offset table and not one fragment a frame: the frames are found by their JPEG markers.
  if (frames !== element.fragments?.length) {
    const table = dicomParser.createJPEGBasicOffsetTable(dataSet, element);
    return dicomParser.readEncapsulatedImageFrame(dataSet, element, index, table);
  }
  return dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, element, index, 1);
}

function nativeFrame(
  dataSet: dicomParser.DataSet,
  element: dicomParser.Element,
  index: number,
  view: boolean,
): Uint8Array {
  const geometry = {
    rows: dataSet.uint16('x00280010') ?? 0,
    columns: dataSet.uint16('x00280011') ?? 0,
    samplesPerPixel: dataSet.uint16('x00280002') ?? 1,
    bitsAllocated: dataSet.uint16('x00280100') ?? 16,
    photometricInterpretation: dataSet.string('x00280004')?.trim(),
  };
  const size = nativeFrameBytes(geometry);
  if (geometry.bitsAllocated === 1 && index > 0)
    throw new InstanceFrameError('Frames of 1-bit images after the first are not cut out here.');
  const start = element.dataOffset + index * size;
  if (size === 0 || start + size > element.dataOffset + element.length)
    throw new InstanceFrameError(`Frame ${index + 1} lies beyond the instance's pixel data.`);
  return view
    ? dataSet.byteArray.subarray(start, start + size)
    : dataSet.byteArray.slice(start, start + size);
}

/** Parses a Part 10 file; its bytes are copied into a buffer of their own (see below). */
export function parsePart10(bytes: Uint8Array): dicomParser.DataSet {
  // Decoders and Cornerstone's caches keep `byteArray.buffer`: a part cut from a multipart body gets a
  // buffer of its own, not the whole answer's.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  try {
    return dicomParser.parseDicom(own);
  } catch (cause) {
    throw new InstanceFrameError(`The instance is not a readable DICOM file: ${String(cause)}`);
  }
}
