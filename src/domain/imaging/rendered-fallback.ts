import { isRetryableAsExplicitLittleEndian } from './transfer-syntax';

/**
 * The last way to show an image: the PACS's own rendering of it (PS3.18 §10.4.1.1.3 `/rendered`, or
 * WADO-URI's default JPEG), 8-bit, windowed by the PACS and without the modality values, so the viewer
 * marks it "not diagnostic". Only for an image the browser cannot have or decode in DICOM form: a
 * refused image, a missing one or a broken one is said so instead, never papered over.
 */
export type LoadFailure =
  /** The image server answered with this status, or (null) did not answer at all. */
  | { kind: 'http'; status: number | null }
  /** The frame arrived with other than its size's bytes: the data is broken, not the decoder. */
  | { kind: 'frame-length' }
  /** The bytes arrived but could not be taken apart or decoded here (SOP class, codec, layout). */
  | { kind: 'decode' };

export function mayShowRendered(failure: LoadFailure): boolean {
  if (failure.kind === 'decode') return true;
  // 400/406/415/500 after every encoding and the whole instance: the PACS holds it but cannot send it
  // in a form we decode. Refused access, not found, busy or silent would fail for a rendering as well.
  return failure.kind === 'http' && isRetryableAsExplicitLittleEndian(failure.status);
}

/** Where the PACS renders an image, and what to accept: null for an image URL of another shape. */
export function renderedRequestOf(imageUrl: string): { url: string; accept: string } | null {
  if (/\/instances\/[0-9.]+\/frames\/[1-9][0-9]*$/.test(imageUrl))
    return { url: `${imageUrl}/rendered`, accept: 'image/png' };
  if (/[?&]contentType=application\/dicom(&|$)/.test(imageUrl))
    return {
      url: imageUrl.replace(/([?&])contentType=application\/dicom(?=&|$)/, '$1contentType=image/jpeg'),
      accept: 'image/jpeg',
    };
  return null;
}
