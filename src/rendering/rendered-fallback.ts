import { utilities, type Types } from '@cornerstonejs/core';
import { FrameLengthError } from '@/domain/imaging/native-frame';
import { mayShowRendered, renderedRequestOf, type LoadFailure } from '@/domain/imaging/rendered-fallback';
import { fetchImagingBytes, ImagingHttpError, type AuthorizationProvider } from '@/lib/imaging-http';
import { urlOfImageId } from './image-id-url';

/** An image as the PACS rendered it: 8-bit RGB, no modality values, marked on the viewport. */
export type RenderedImage = Types.IImage & { renderedByPacs: true };

export function isRenderedByPacs(image: unknown): boolean {
  return (
    typeof image === 'object' &&
    image !== null &&
    (image as { renderedByPacs?: unknown }).renderedByPacs === true
  );
}

/**
 * Loads an image the usual way and, when that fails in a way only the PACS's own rendering can get
 * round (see mayShowRendered), shows that rendering instead. If the rendering cannot be had either,
 * the first failure is what the viewport says: it names the real problem.
 */
export async function withRenderedFallback<T extends Types.IImage>(
  imageId: string,
  load: () => Promise<T>,
  authorizationFor: () => AuthorizationProvider,
  signal: AbortSignal,
): Promise<T | RenderedImage> {
  try {
    return await load();
  } catch (error) {
    const request = renderedRequestOf(urlOfImageId(imageId));
    if (signal.aborted || !request || !mayShowRendered(failureOf(error))) throw error;
    try {
      const answer = await fetchImagingBytes(request.url, {
        accept: request.accept,
        authorizationFor: authorizationFor(),
        signal,
      });
      return await renderedImage(imageId, answer.body, answer.contentType || request.accept);
    } catch {
      throw error;
    }
  }
}

function failureOf(error: unknown): LoadFailure {
  if (error instanceof ImagingHttpError) return { kind: 'http', status: error.status };
  if (error instanceof FrameLengthError) return { kind: 'frame-length' };
  return { kind: 'decode' };
}

/** A PNG or JPEG into a Cornerstone colour image, decoded by the browser (no URL: nothing to revoke). */
async function renderedImage(imageId: string, bytes: Uint8Array, type: string): Promise<RenderedImage> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: type.split(';')[0] ?? type }));
  const { width, height } = bitmap;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas to read the rendered image with.');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = context.getImageData(0, 0, width, height).data;
  const rgb = new Uint8Array(width * height * 3);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    rgb[pixel * 3] = rgba[pixel * 4] ?? 0;
    rgb[pixel * 3 + 1] = rgba[pixel * 4 + 1] ?? 0;
    rgb[pixel * 3 + 2] = rgba[pixel * 4 + 2] ?? 0;
  }
  const voxelManager = utilities.VoxelManager.createImageVoxelManager({
    scalarData: rgb,
    width,
    height,
    numberOfComponents: 3,
  });
  // No pixel spacing: a rendering's pixels are not the modality's, so measurements stay in pixels.
  const image = {
    imageId,
    dataType: 'Uint8Array',
    color: true,
    rgba: false,
    numberOfComponents: 3,
    columns: width,
    rows: height,
    width,
    height,
    columnPixelSpacing: undefined,
    rowPixelSpacing: undefined,
    intercept: 0,
    slope: 1,
    invert: false,
    minPixelValue: 0,
    maxPixelValue: 255,
    windowCenter: 128,
    windowWidth: 256,
    sizeInBytes: rgb.byteLength,
    getPixelData: () => rgb,
    getCanvas: () => canvas,
    voxelManager,
    renderedByPacs: true,
  };
  return image as unknown as RenderedImage;
}
