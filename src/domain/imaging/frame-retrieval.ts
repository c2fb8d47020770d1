import { isRetryableAsExplicitLittleEndian, TransferSyntax } from './transfer-syntax';

/**
 * How a frame is had from a WADO-RS server, in the order worth trying: the frame in the encoding the
 * server holds (`*`), the frame transcoded to explicit little endian, and, when the server will cut
 * the frame out in neither (Orthanc for uncompressed YBR_FULL_422, some archives for JPEG fragments
 * without an offset table), the whole Part 10 instance, whose frame the browser then takes out and
 * decodes itself.
 */
export type FrameRetrieval = '*' | typeof TransferSyntax.ExplicitVrLittleEndian | 'instance';

export const WHOLE_INSTANCE = 'instance' satisfies FrameRetrieval;

/**
 * After `current` failed with `status`: what to try next for this frame, or null when nothing else
 * can help. Only a refusal a different encoding can cure moves on (400, 406, 415, 500); a refused
 * token, a missing image or no answer at all would fail the same way whatever is asked.
 */
export function nextFrameRetrieval(
  current: FrameRetrieval,
  tried: ReadonlySet<FrameRetrieval>,
  status: number | null,
): FrameRetrieval | null {
  if (!isRetryableAsExplicitLittleEndian(status) || current === WHOLE_INSTANCE) return null;
  const frames: FrameRetrieval[] = ['*', TransferSyntax.ExplicitVrLittleEndian];
  return frames.find((candidate) => candidate !== current && !tried.has(candidate)) ?? WHOLE_INSTANCE;
}

/**
 * The WADO-RS instance URL a frame URL belongs to (PS3.18 §10.4.1: `…/instances/{uid}/frames/{n}`),
 * with the frame's 1-based number; null for anything else.
 */
export function instanceOfFrameUrl(frameUrl: string): { instanceUrl: string; frame: number } | null {
  const match = /^(.*\/instances\/[0-9.]+)\/frames\/([1-9][0-9]*)$/.exec(frameUrl);
  if (!match?.[1] || !match[2]) return null;
  return { instanceUrl: match[1], frame: Number(match[2]) };
}

/**
 * The Accept header for a whole instance: Part 10 in the syntax it is stored in (`*`), so nothing is
 * transcoded on the way and the browser decodes what the modality wrote.
 */
export const WHOLE_INSTANCE_ACCEPT = 'multipart/related; type="application/dicom"; transfer-syntax=*';
