import { getMultipartBoundary } from '@remix-run/multipart-parser';
import { WHOLE_INSTANCE_ACCEPT } from '@/domain/imaging/frame-retrieval';
import type { SeriesRetrievalPlan } from '@/domain/imaging/series-retrieval';
import { fetchImaging, ImagingHttpError, type AuthorizationProvider } from '@/lib/imaging-http';
import type { FrameBytes } from './frame-request';
import { seriesReader, type SeriesReader } from './series-reader';

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

/**
 * Retrieves a whole series in one request (Part 10 instances as they are stored: nothing transcoded,
 * the decoders take what the modality wrote) through the imaging door, and hands each wanted frame to
 * `sink` as its instance arrives. The answer is read (in a worker: series-reader.ts) no faster than
 * the sink makes room, so the server's sending waits on the browser (TCP flow control), not memory.
 * An instance that cannot be read, or is not in the plan, is passed over: the frames not delivered
 * stay the loader's to fetch one by one. Rejects when the server will not send the series this way
 * (an archive without Retrieve Series, or one that refuses `transfer-syntax=*`) or the answer breaks
 * off; what was delivered stays.
 */
export async function streamSeriesFrames(
  plan: SeriesRetrievalPlan,
  sink: SeriesStreamSink,
  authorizationFor: AuthorizationProvider,
  signal: AbortSignal,
  reader: SeriesReader = seriesReader(),
): Promise<void> {
  const response = await fetchImaging(plan.seriesUrl, {
    accept: WHOLE_INSTANCE_ACCEPT,
    authorizationFor,
    signal,
    transport: reader.transport,
    // The answer is the whole series: the timeout is for its start; the frames' own loads keep theirs.
  });
  const contentType = response.headers.get('content-type') ?? '';
  const boundary = /^multipart\/related/i.test(contentType) ? getMultipartBoundary(contentType) : null;
  if (!boundary) {
    reader.discard(response);
    throw invalidAnswer(plan, response.status, 'did not send the series as multipart/related');
  }
  try {
    await reader.read(
      response,
      boundary,
      plan.frames,
      async (frames) => {
        sink.arrived();
        for (const { imageId, frame } of frames) if (sink.wants(imageId)) sink.deliver(imageId, frame);
        await sink.room();
      },
      signal,
    );
  } catch (error) {
    if (signal.aborted) throw error;
    throw invalidAnswer(plan, response.status, 'sent a series answer that broke off');
  }
}

function invalidAnswer(plan: SeriesRetrievalPlan, status: number, what: string): ImagingHttpError {
  const origin = new URL(plan.seriesUrl).origin;
  return new ImagingHttpError(`The image server at ${origin} ${what}.`, status, 'invalid-response');
}
