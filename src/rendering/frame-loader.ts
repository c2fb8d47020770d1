import { Enums, imageLoader, imageRetrievalPoolManager, metaData, type Types } from '@cornerstonejs/core';
import { createImage } from '@cornerstonejs/dicom-image-loader';
import {
  checkNativeFrameLength,
  isNativeTransferSyntax,
  type NativeFrameGeometry,
} from '@/domain/imaging/native-frame';
import { ybrFull422AsRgb } from '@/domain/imaging/ybr-full-422';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { takeEarlyFrame } from './early-frames';
import { fetchFrame, type FrameBytes } from './frame-request';
import { DECODE_WITHOUT_PRESCALE, toModalityImage, withUsableWindow } from './modality-image';

/** What Cornerstone passes a loader: decode options for `createImage`, scheduling hints for the pool. */
type LoadOptions = Record<string, unknown>;

/**
 * Cornerstone's `wadors:` images, fetched through the app's imaging door instead of the loader's own
 * XMLHttpRequest: frames then get the same token policy, 401 renewal, 503 wait, timeout and errors as
 * every other imaging request. Cornerstone still schedules them (its retrieval pool, by request type
 * and priority) and decodes them (its codecs, in its workers).
 */
export function registerFrameLoader(authorizationFor: () => AuthorizationProvider): void {
  imageLoader.registerImageLoader('wadors', (imageId, options: LoadOptions = {}) => {
    const controller = new AbortController();
    const promise = retrieve(imageId, options, authorizationFor, controller.signal).then(async (frame) => {
      // A frame of the wrong length would decode into shifted rows or another image's remnants.
      const geometry = metaData.get('imagePixelModule', imageId) as Partial<NativeFrameGeometry> | undefined;
      checkNativeFrameLength(frame.pixelData.byteLength, frame.transferSyntax, geometry ?? {});
      // Native YBR_FULL_422 is a layout Cornerstone's decoder does not convert (ybr-full-422.ts).
      const pixelData =
        (isNativeTransferSyntax(frame.transferSyntax) && ybrFull422AsRgb(frame.pixelData, geometry ?? {})) ||
        frame.pixelData;
      const decoded = (await createImage(imageId, pixelData, frame.transferSyntax, {
        ...options,
        ...DECODE_WITHOUT_PRESCALE,
      })) as Types.IImage;
      const image: Types.IImage & { transferSyntaxUID?: string } = withUsableWindow(toModalityImage(decoded));
      image.transferSyntaxUID = frame.transferSyntax;
      return image;
    });
    return { promise, cancelFn: () => controller.abort() };
  });
}

/** A frame fetched early (see early-frames.ts) if there is one, else a request in Cornerstone's pool. */
async function retrieve(
  imageId: string,
  options: LoadOptions,
  authorizationFor: () => AuthorizationProvider,
  signal: AbortSignal,
): Promise<FrameBytes> {
  const early = await takeEarlyFrame(imageId);
  if (early) return early;
  return new Promise<FrameBytes>((resolve, reject) => {
    imageRetrievalPoolManager.addRequest(
      () => {
        const pending = fetchFrame(imageId, authorizationFor(), signal);
        pending.then(resolve, reject);
        // The pool counts the request as running until this settles.
        return pending.then(
          () => undefined,
          () => undefined,
        );
      },
      isRequestType(options.requestType) ? options.requestType : Enums.RequestType.Interaction,
      { imageId },
      typeof options.priority === 'number' ? options.priority : 5,
    );
  });
}

function isRequestType(value: unknown): value is Enums.RequestType {
  return Object.values<unknown>(Enums.RequestType).includes(value);
}
