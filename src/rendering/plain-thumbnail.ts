import { describesPaintableImage, firstPaintOrNull, type FirstPaint } from '@/domain/imaging/first-paint';
import { DicomTag, dicomNumber } from '@/domain/imaging/dicom-json';
import type { ImageSource } from '@/domain/imaging/image-source';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { keepEarlyFrame, peekEarlyFrame } from './early-frames';
import { fetchFrame } from './frame-request';

/**
 * Frames bigger than this (a radiograph's) are drawn by Cornerstone: their grey RGBA would be tens of
 * megabytes of the main thread's memory and time, for a thumbnail.
 */
const MAX_PLAIN_THUMBNAIL_PIXELS = 1024 * 1024;

/**
 * A thumbnail's image drawn as a first paint is (first-paint.ts: exactly as the renderer draws it, on
 * a 2D canvas), without Cornerstone: no WebGL context, shader or offscreen render and copy (100–200 ms
 * of the main thread each without a GPU), and no renderer to load for a list's previews. Null when it
 * cannot be: not a WADO-RS frame, too big, an image or frame first-paint.ts does not reproduce exactly
 * (colour, LUT sequences, compressed…) or one that could not be had; the caller then draws it with
 * Cornerstone, whose loader takes the bytes fetched here (early-frames.ts) rather than asking again,
 * unless the thumbnail is no longer wanted (`isCancelled`). A frame the viewer's own requests brought
 * is read where it is and left for the viewer's loader; one fetched here and drawn is not kept.
 */
export async function plainThumbnailOf(
  source: ImageSource,
  authorizationFor: AuthorizationProvider,
  isCancelled: () => boolean,
): Promise<FirstPaint | null> {
  const { imageId, metadata } = source;
  if (!imageId.startsWith('wadors:')) return null;
  // What the metadata already rules out is not fetched here (nor kept for Cornerstone's loader).
  if (!describesPaintableImage(metadata)) return null;
  const rows = dicomNumber(metadata, DicomTag.Rows) ?? 0;
  const columns = dicomNumber(metadata, DicomTag.Columns) ?? 0;
  if (rows * columns === 0 || rows * columns > MAX_PLAIN_THUMBNAIL_PIXELS) return null;
  const held = peekEarlyFrame(imageId);
  const bytes = held ? await held : await fetchFrame(imageId, authorizationFor).catch(() => null);
  const paint = bytes ? firstPaintOrNull(metadata, bytes.pixelData, bytes.transferSyntax) : null;
  if (!paint && !held && bytes && !isCancelled()) keepEarlyFrame(imageId, Promise.resolve(bytes));
  return paint;
}
