import { getMultipartBoundary, parseMultipartStream } from '@remix-run/multipart-parser';
import { WHOLE_INSTANCE_ACCEPT } from '@/domain/imaging/frame-retrieval';
import type { SeriesRetrievalPlan } from '@/domain/imaging/series-retrieval';
import { fetchImaging, ImagingHttpError, type AuthorizationProvider } from '@/lib/imaging-http';
import { nextTask } from '@/lib/next-task';
import type { FrameBytes } from './frame-request';
import { frameOfDataSet, parsePart10 } from './whole-instance-frame';

/** Where a series' streamed frames go (early-frames.ts holds them for the loader). */
export interface SeriesStreamSink {
  /** An instance came in, wanted or not: the answer is moving. */
  arrived(): void;
  /** Whether this frame is still wanted (the loader may have fetched it itself meanwhile). */
  wants(imageId: string): boolean;
  deliver(imageId: string, frame: FrameBytes): void;
  /** Resolves when another instance's frames may be held: the stream is not read until then. */
  room(): Promise<void>;
}

/** No limit the parser's defaults set for web forms (2 MB a part, 1,000 parts): a series is bigger. */
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/**
 * Retrieves a whole series in one request (Part 10 instances as they are stored: nothing transcoded,
 * the decoders take what the modality wrote) through the imaging door, and hands each wanted frame to
 * `sink` as its instance arrives. The answer is read no faster than the sink makes room, so the
 * server's sending waits on the browser (TCP flow control), not memory. An instance that cannot be
 * read, or is not in the plan, is passed over: the frames not delivered stay the loader's to fetch one
 * by one. Rejects when the server will not send the series this way (an archive without Retrieve
 * Series, or one that refuses `transfer-syntax=*`) or the answer breaks off; what was delivered stays.
 */
export async function streamSeriesFrames(
  plan: SeriesRetrievalPlan,
  sink: SeriesStreamSink,
  authorizationFor: AuthorizationProvider,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetchImaging(plan.seriesUrl, {
    accept: WHOLE_INSTANCE_ACCEPT,
    authorizationFor,
    signal,
    // The answer is the whole series: the timeout is for its start; the frames' own loads keep theirs.
  });
  const contentType = response.headers.get('content-type') ?? '';
  const boundary = /^multipart\/related/i.test(contentType) ? getMultipartBoundary(contentType) : null;
  if (!response.body || !boundary) {
    await response.body?.cancel();
    throw new ImagingHttpError(
      `The image server at ${new URL(plan.seriesUrl).origin} did not send the series as multipart/related.`,
      response.status,
      'invalid-response',
    );
  }
  const parts = parseMultipartStream(response.body, {
    boundary,
    maxFileSize: UNLIMITED,
    maxTotalSize: UNLIMITED,
    maxParts: UNLIMITED,
  });
  for await (const part of parts) {
    sink.arrived();
    deliverInstance(part.bytes, plan, sink);
    if (signal.aborted) break;
    await sink.room();
    // The answer is often in faster than it is read: without a task between instances the whole of
    // it would be read in one run of microtasks, and the renderer could not draw meanwhile.
    await nextTask();
  }
}

function deliverInstance(bytes: Uint8Array, plan: SeriesRetrievalPlan, sink: SeriesStreamSink): void {
  let dataSet;
  try {
    dataSet = parsePart10(bytes);
  } catch {
    return; // Not readable here (a deflated file, say): its frames go one by one.
  }
  const wanted = plan.frames.get(dataSet.string('x00080018')?.trim() ?? '');
  for (const [frame, imageId] of wanted ?? []) {
    if (!sink.wants(imageId)) continue;
    try {
      sink.deliver(imageId, frameOfDataSet(dataSet, frame));
    } catch {
      // A frame this instance does not hold: the loader asks for it and says what the server answers.
    }
  }
}
