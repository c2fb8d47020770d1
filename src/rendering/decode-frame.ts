import { Enums, metaData, type Types } from '@cornerstonejs/core';
import { createImage } from '@cornerstonejs/dicom-image-loader/imageLoader';
import {
  checkNativeFrameLength,
  isNativeTransferSyntax,
  type NativeFrameGeometry,
} from '@/domain/imaging/native-frame';
import { drawnVoiLutFunction } from '@/domain/imaging/voi-window';
import { ybrFull422AsRgb } from '@/domain/imaging/ybr-full-422';
import type { FrameBytes } from './frame-request';
import { DECODE_WITHOUT_PRESCALE, toModalityImage, withUsableWindow } from './modality-image';
import { decodeOptionsOf, type LoadOptions } from './load-options';
import { nativeModalityImage } from './native-image';

/** A decoded image, with the syntax its bytes came in (the viewport reads it for the lossy marker). */
export type LoadedImage = Types.IImage & { transferSyntaxUID?: string };

/**
 * One frame's bytes into a Cornerstone image, whichever way they came (a WADO-RS frame, a frame cut
 * from a whole instance, a WADO-URI file): Cornerstone's codecs in its workers, the modality values
 * computed by the app (modality-image.ts); greyscale frames sent uncompressed are read where they are
 * (native-image.ts). The image's metadata must be registered already.
 */
export async function decodeFrame(
  imageId: string,
  frame: FrameBytes,
  options: LoadOptions,
): Promise<LoadedImage> {
  // A frame of the wrong length would decode into shifted rows or another image's remnants.
  const geometry = (metaData.get('imagePixelModule', imageId) ?? {}) as Partial<NativeFrameGeometry>;
  checkNativeFrameLength(frame.pixelData.byteLength, frame.transferSyntax, geometry);
  // Native YBR_FULL_422 is a layout Cornerstone's decoder does not convert (ybr-full-422.ts).
  const pixelData =
    (isNativeTransferSyntax(frame.transferSyntax) && ybrFull422AsRgb(frame.pixelData, geometry)) ||
    frame.pixelData;
  const modalityImage =
    nativeModalityImage(imageId, pixelData, frame.transferSyntax, options) ??
    toModalityImage(
      (await createImage(imageId, pixelData, frame.transferSyntax, {
        ...decodeOptionsOf(options),
        ...DECODE_WITHOUT_PRESCALE,
      })) as Types.IImage,
    );
  const image: LoadedImage = withUsableWindow(modalityImage);
  image.transferSyntaxUID = frame.transferSyntax;
  // The loader reads a VOI LUT Function given as a string by its first letter ('S'), which the viewport
  // takes for LINEAR: a SIGMOID image would be drawn through a linear window.
  const voiLut = metaData.get('voiLutModule', imageId) as { voiLUTFunction?: unknown } | undefined;
  image.voiLUTFunction =
    drawnVoiLutFunction(voiLut?.voiLUTFunction) === 'SIGMOID'
      ? Enums.VOILUTFunctionType.SAMPLED_SIGMOID
      : Enums.VOILUTFunctionType.LINEAR;
  return image;
}
