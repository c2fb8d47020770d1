import { firstMultipartBody } from '@/domain/imaging/multipart-related';
import { transferSyntaxOfContentType } from '@/domain/imaging/first-image-guess';
import { frameAcceptHeader } from '@/domain/imaging/transfer-syntax';
import type { AuthorizationProvider } from './init-rendering';
import { frameAcceptFor } from './frame-transfer-syntax';
import { urlOfImageId } from './image-id-url';

export interface EarlyFrame {
  pixelData: Uint8Array;
  transferSyntax: string;
}

/** Few: one per opened viewport, and a frame nobody asked for is dropped with the oldest. */
const MAX_EARLY_FRAMES = 8;
const early = new Map<string, Promise<EarlyFrame | null>>();

/**
 * Starts fetching a frame before Cornerstone, its metadata or the viewport exist: the first image is
 * then decoded the moment the loader asks for it, instead of being requested only at that moment.
 * Any failure yields null and the loader fetches as usual (with its own retries).
 */
export function fetchFrameEarly(imageId: string, authorizationFor: AuthorizationProvider): void {
  if (early.has(imageId)) return;
  if (early.size >= MAX_EARLY_FRAMES) {
    const oldest = early.keys().next().value;
    if (oldest !== undefined) early.delete(oldest);
  }
  const url = urlOfImageId(imageId);
  const pending = (async (): Promise<EarlyFrame | null> => {
    const authorization = await authorizationFor(url);
    const response = await fetch(url, {
      headers: {
        Accept: frameAcceptFor(imageId) ?? frameAcceptHeader('*'),
        ...(authorization ? { Authorization: authorization } : {}),
      },
    });
    if (!response.ok) return null;
    const contentType = response.headers.get('content-type') ?? '';
    const body = new Uint8Array(await response.arrayBuffer());
    const part = firstMultipartBody(body, contentType);
    // Frames without a named syntax are implicit little endian (the loader's own default).
    return {
      pixelData: part,
      transferSyntax: transferSyntaxOfContentType(contentType) ?? '1.2.840.10008.1.2',
    };
  })().catch(() => null);
  early.set(imageId, pending);
}

/** An early fetch slower than this is given up on: the loader's own request goes ahead. */
const EARLY_FRAME_PATIENCE_MS = 3000;

/** The early fetch of this frame, once: the loader takes it and it is forgotten. */
export function takeEarlyFrame(imageId: string): Promise<EarlyFrame | null> | undefined {
  const pending = early.get(imageId);
  early.delete(imageId);
  if (!pending) return undefined;
  const giveUp = new Promise<null>((resolve) => setTimeout(() => resolve(null), EARLY_FRAME_PATIENCE_MS));
  return Promise.race([pending, giveUp]);
}
