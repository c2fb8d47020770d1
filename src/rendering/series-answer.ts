import { parseMultipartStream } from '@remix-run/multipart-parser';
import type { FrameBytes } from './frame-request';
import { frameOfDataSet, parsePart10 } from './instance-frame';

/** Per SOP Instance UID, the frames wanted from it (1-based frame number → image id). */
export type WantedFrames = ReadonlyMap<string, ReadonlyMap<number, string>>;

export interface StreamedFrame {
  imageId: string;
  frame: FrameBytes;
}

/** No limit the parser's defaults set for web forms (2 MB a part, 1,000 parts): a series is bigger. */
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/**
 * Reads a Retrieve Series answer (multipart/related, one Part 10 instance a part) as it streams,
 * with `@remix-run/multipart-parser`, and hands each instance's wanted frames to `onInstance` (none
 * for an instance that is not wanted or cannot be read here: a deflated file, say; its frames are
 * fetched one by one). The body is read no further until `onInstance` resolves, so the server's
 * sending waits on the reader (TCP flow control), not on memory. Rejects when the answer breaks off
 * or is not multipart after all; what was handed over stays. Free of the DOM and the session: the app
 * runs it in a worker (series-stream.worker.ts).
 */
export async function readSeriesAnswer(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  wanted: WantedFrames,
  onInstance: (frames: StreamedFrame[]) => Promise<void>,
): Promise<void> {
  const parts = parseMultipartStream(body, {
    boundary,
    maxFileSize: UNLIMITED,
    maxTotalSize: UNLIMITED,
    maxParts: UNLIMITED,
  });
  for await (const part of parts) await onInstance(framesOfInstance(part.bytes, wanted));
}

function framesOfInstance(bytes: Uint8Array, wanted: WantedFrames): StreamedFrame[] {
  let dataSet;
  try {
    dataSet = parsePart10(bytes);
  } catch {
    return []; // Not readable here: its frames go one by one.
  }
  const frames = wanted.get(dataSet.string('x00080018')?.trim() ?? '');
  if (!frames) return [];
  // The instance's bytes are this answer's alone: the frame of a one-frame instance is a view of them.
  const view = (dataSet.intString('x00280008') ?? 1) === 1;
  const out: StreamedFrame[] = [];
  for (const [frame, imageId] of frames) {
    try {
      out.push({ imageId, frame: frameOfDataSet(dataSet, frame, { view }) });
    } catch {
      // A frame this instance does not hold: the loader asks for it and says what the server answers.
    }
  }
  return out;
}
