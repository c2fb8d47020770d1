import { firstPaintOf, type FirstPaint } from '@/domain/imaging/first-paint';
import { DicomTag, dicomNumber } from '@/domain/imaging/dicom-json';
import type { ImageSource } from '@/domain/imaging/image-source';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { fetchFrameEarly, forgetEarlyFrame, hasEarlyFrame, peekEarlyFrame } from './early-frames';

/**
 * Frames bigger than this (a radiograph's) are drawn by Cornerstone: their grey RGBA would be tens of
 * megabytes of the main thread's memory and time, for a thumbnail.
 */
const MAX_PLAIN_THUMBNAIL_PIXELS = 1024 * 1024;

/**
 * A thumbnail's image drawn as a first paint is (first-paint.ts: exactly as the renderer draws it, on
 * a 2D canvas), without Cornerstone: no WebGL context, shader or offscreen render and copy (100–200 ms
 * of the main thread each without a GPU), and no renderer to load for a list's previews. Null when it
 * cannot be: not a WADO-RS frame, too big, or a frame first-paint.ts does not reproduce exactly
 * (compressed, colour, LUT sequences…) or that could not be had; the caller then draws it with
 * Cornerstone, whose loader takes the bytes fetched here (early-frames.ts) instead of asking again. A
 * frame fetched here and drawn is not kept; one the viewer's own requests brought stays for its loader.
 */
export async function plainThumbnailOf(
  source: ImageSource,
  authorizationFor: AuthorizationProvider,
): Promise<FirstPaint | null> {
  const { imageId, metadata } = source;
  if (!imageId.startsWith('wadors:')) return null;
  const rows = dicomNumber(metadata, DicomTag.Rows) ?? 0;
  const columns = dicomNumber(metadata, DicomTag.Columns) ?? 0;
  if (rows * columns === 0 || rows * columns > MAX_PLAIN_THUMBNAIL_PIXELS) return null;
  const broughtByViewer = hasEarlyFrame(imageId);
  fetchFrameEarly(imageId, authorizationFor);
  const frame = peekEarlyFrame(imageId);
  const bytes = await frame;
  let paint: FirstPaint | null = null;
  try {
    // Bytes the loader's decode has since taken (a transferred buffer) no longer fit: refused, not misdrawn.
    paint = bytes ? firstPaintOf(metadata, bytes.pixelData, bytes.transferSyntax) : null;
  } catch {
    paint = null;
  }
  // Ours, and still the one kept (a series request may have brought the frame since): let go of it.
  if (paint && !broughtByViewer && peekEarlyFrame(imageId) === frame) forgetEarlyFrame(imageId);
  return paint;
}
