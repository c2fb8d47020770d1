import dicomParser from 'dicom-parser';
import { instanceOfFrameUrl, WHOLE_INSTANCE_ACCEPT } from '@/domain/imaging/frame-retrieval';
import { firstMultipartPart } from '@/domain/imaging/multipart-related';
import { nativeFrameBytes } from '@/domain/imaging/native-frame';
import { TransferSyntax } from '@/domain/imaging/transfer-syntax';
import { fetchImagingBytes, type AuthorizationProvider } from '@/lib/imaging-http';
import type { FrameBytes } from './frame-request';

/**
 * A frame taken out of its whole Part 10 instance, for servers that will not cut it out themselves.
 * The instance comes through the imaging door like every other request; its frame is found with
 * dicom-parser (native frames by offset; encapsulated ones by the Basic Offset Table or, without one,
 * by JPEG markers across fragments), so the decoder gets exactly what a frame request would have
 * brought. Cornerstone's WADO-URI `getPixelData` does the same, but reaches dicom-parser through a
 * namespace import that loses its functions outside a bundler (the unit tests), so the few calls are
 * made here.
 */

/** Few: one multi-frame instance serves all its frames, and a CT slice is asked for once. */
const KEPT_INSTANCES = 4;
const instances = new Map<string, Promise<dicomParser.DataSet>>();

export class InstanceFrameError extends Error {
  override readonly name = 'InstanceFrameError';
}

export async function fetchFrameOfInstance(
  frameUrl: string,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<FrameBytes> {
  const target = instanceOfFrameUrl(frameUrl);
  if (!target) throw new InstanceFrameError(`Not a WADO-RS frame URL: ${frameUrl}`);
  const dataSet = await instanceDataSet(target.instanceUrl, authorizationFor, signal);
  return frameOfDataSet(dataSet, target.frame);
}

/** Frame `frame` (1-based) of a parsed Part 10 data set, with the syntax it is encoded in. */
export function frameOfDataSet(dataSet: dicomParser.DataSet, frame: number): FrameBytes {
  const frames = dataSet.intString('x00280008') ?? 1;
  if (frame > frames) throw new InstanceFrameError(`The instance has ${frames} frame(s), not ${frame}.`);
  const element = dataSet.elements.x7fe00010;
  if (!element) throw new InstanceFrameError('The instance has no pixel data.');
  let pixelData: Uint8Array;
  try {
    pixelData = element.encapsulatedPixelData
      ? encapsulatedFrame(dataSet, element, frame - 1, frames)
      : nativeFrame(dataSet, element, frame - 1);
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

function nativeFrame(dataSet: dicomParser.DataSet, element: dicomParser.Element, index: number): Uint8Array {
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
  return dataSet.byteArray.slice(start, start + size);
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

function instanceDataSet(
  instanceUrl: string,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<dicomParser.DataSet> {
  const kept = instances.get(instanceUrl);
  if (kept) return kept;
  const pending = fetchImagingBytes(instanceUrl, {
    accept: WHOLE_INSTANCE_ACCEPT,
    authorizationFor,
    signal,
  }).then((answer) => parsePart10(firstMultipartPart(answer.body, answer.contentType).body));
  instances.set(instanceUrl, pending);
  // A failed or cancelled fetch is not kept: the next frame asks again.
  pending.catch(() => {
    if (instances.get(instanceUrl) === pending) instances.delete(instanceUrl);
  });
  while (instances.size > KEPT_INSTANCES) {
    const oldest = instances.keys().next().value;
    if (oldest === undefined) break;
    instances.delete(oldest);
  }
  return pending;
}
