/**
 * The one door for every imaging request: series metadata, QIDO-RS, frames (Cornerstone's loader is
 * routed here), the early first frame, palette bulk data, thumbnails. It alone sets `Authorization`
 * on an imaging request, and it owns the policy the README promises for image servers: the token only
 * where the session's policy allows, one renewed retry on a 401 from a token-sharing server, a 503
 * with Retry-After waited out with a notice on screen, a timeout, the caller's AbortSignal, and an
 * error that says which server answered what.
 */
import { tokenDecisionFor } from '@/domain/smart/token-destination';
import { accessTokenOf } from './access-token';
import { imagingRequestUrl } from './imaging-routes';
import { announceImagingServerBusy } from './imaging-server-busy';
import { originResting, recordAnswer, recordNoAnswer } from './origin-breaker';
import { refreshSession, refreshSessionIfNeeded } from './session-refresh';
import { wait, withTimeout } from './request-timeout';
import { retryAfterSeconds } from './retry-after';
import { noticeIfSlow } from './server-waits';
import type { SessionExpiry } from './session-expiry';
import type { SmartClient } from './smart-client';
import type { TokenPolicyStore } from './token-policy-store';

/**
 * `Bearer …` for a URL that may receive the token, null otherwise. `renew` forces a token refresh
 * first (after a 401 from an image server that shares the EHR's authorization).
 */
export type AuthorizationProvider = (url: string, options?: { renew?: boolean }) => Promise<string | null>;

/**
 * Builds the one function that decides whether a request carries the access token. Every imaging
 * request (frames included) renews through it, so a refresh the EHR refuses reaches `expiry` here.
 */
export function createAuthorizationProvider(
  client: SmartClient,
  policy: TokenPolicyStore,
  expiry: SessionExpiry,
): AuthorizationProvider {
  return async (url, options) => {
    const decision = tokenDecisionFor(url, policy.current);
    if (decision === 'withheld') throw tokenWithheldError(url);
    if (decision === 'none') return null;
    await expiry.watch(() => (options?.renew ? refreshSession(client) : refreshSessionIfNeeded(client)));
    const token = accessTokenOf(client);
    return token ? `Bearer ${token}` : null;
  };
}

/**
 * An Endpoint in the FHIR data asked for the access token on an origin that neither the EHR nor the
 * deployment trusts with it: nothing is sent (the server would only refuse), and the screen says why.
 */
function tokenWithheldError(url: string): ImagingHttpError {
  const origin = new URL(url).origin;
  return new ImagingHttpError(
    `The image server at ${origin} needs an authorization the viewer cannot give: its record asks for the EHR's access token, but neither the EHR nor this viewer's configuration trusts that server with it.`,
    null,
    'needs-authorization',
  );
}

/** What went wrong, for short labels (a list row's preview) beside the full sentence. */
export type ImagingFailure =
  | 'refused'
  | 'needs-authorization'
  | 'not-found'
  | 'busy'
  | 'server-error'
  | 'unreachable'
  | 'timeout'
  | 'invalid-response';

export class ImagingHttpError extends Error {
  override readonly name = 'ImagingHttpError';
  constructor(
    message: string,
    /** The HTTP status the server answered; null when it did not answer at all. */
    readonly status: number | null,
    readonly failure: ImagingFailure = failureOfStatus(status),
  ) {
    super(message);
  }
}

function failureOfStatus(status: number | null): ImagingFailure {
  if (status === null) return 'unreachable';
  if (status === 401 || status === 403) return 'refused';
  if (status === 404) return 'not-found';
  return status === 503 ? 'busy' : 'server-error';
}

/** A few words for a small place (a list row's preview); the error's message says the rest. */
export function briefImagingFailure(failure: ImagingFailure): string {
  switch (failure) {
    case 'refused':
      return 'Image server refused access';
    case 'needs-authorization':
      return 'Needs an authorization the viewer cannot give';
    case 'not-found':
      return 'Not on the image server';
    case 'busy':
      return 'Image server busy';
    case 'server-error':
      return 'Image server error';
    case 'unreachable':
      return 'Image server unreachable';
    case 'timeout':
      return 'Image server did not answer';
    case 'invalid-response':
      return 'Invalid answer from the image server';
  }
}

export interface ImagingRequest {
  /** The `Accept` header: what kind of answer this request wants. */
  accept: string;
  authorizationFor: AuthorizationProvider;
  signal?: AbortSignal | undefined;
  /** Called while waiting out a 503 with Retry-After (default: announce it to the whole app). */
  onBusy?: (retryInSeconds: number) => void;
  /**
   * Work nobody is looking at this moment (list previews, QIDO-RS fill-in): not sent to a server that
   * gave no answer several times in a row (see origin-breaker.ts). What the user asked for always goes.
   */
  background?: boolean;
  /** How long one attempt may take, answer included (default 30 s). */
  timeoutMs?: number;
  /** Sends the request (default: this thread's `fetch`); a series answer is read in a worker. */
  transport?: ImagingTransport;
}

/** `fetch` as the door uses it: the same promise, the same rejection when nothing answers. */
export type ImagingTransport = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<Response>;

/**
 * What a transport throws when it could not send the request at all (a worker that failed): the
 * viewer's own failure, which says nothing of the server (the origin breaker is not told).
 */
export class TransportUnavailableError extends Error {
  override readonly name = 'TransportUnavailableError';
}

/** How long we honour a busy server before giving up, per request. */
const MAX_BUSY_RETRIES = 3;
const DEFAULT_TIMEOUT_MS = 30_000;

/** GETs an imaging URL through the policy above; resolves with a response that is ok (2xx). */
export async function fetchImaging(url: string, request: ImagingRequest): Promise<Response> {
  const { authorizationFor, signal } = request;
  const origin = new URL(url).origin;
  const send = async (renew = false) =>
    sendOnce(url, await authorizationFor(url, renew ? { renew } : undefined), request, origin);

  let response = await send();
  if (response.status === 401 && (await authorizationFor(url)) !== null) response = await send(true);
  for (let attempt = 0; response.status === 503 && attempt < MAX_BUSY_RETRIES; attempt += 1) {
    const seconds = retryAfterSeconds(response.headers.get('Retry-After'));
    if (seconds === null) break;
    (request.onBusy ?? ((retryInSeconds) => announceImagingServerBusy({ origin, retryInSeconds })))(seconds);
    await wait(seconds * 1000, signal);
    response = await send();
  }
  if (!response.ok) throw new ImagingHttpError(describeStatus(response.status, origin), response.status);
  return response;
}

/** QIDO-RS and WADO-RS metadata: DICOM JSON, `[]` for an empty (204) answer. */
export async function fetchDicomJson(
  url: string,
  authorizationFor: AuthorizationProvider,
  options: Omit<ImagingRequest, 'accept' | 'authorizationFor'> = {},
): Promise<unknown> {
  const response = await fetchImaging(url, {
    ...options,
    accept: 'application/dicom+json',
    authorizationFor,
  });
  if (response.status === 204) return [];
  return readBody(url, options.signal, () => response.json());
}

/** Frames and bulk data: the body's bytes and its Content-Type (multipart or not). */
export async function fetchImagingBytes(
  url: string,
  request: ImagingRequest,
): Promise<{ body: Uint8Array; contentType: string }> {
  const response = await fetchImaging(url, request);
  const body = await readBody(url, request.signal, async () => new Uint8Array(await response.arrayBuffer()));
  return { body, contentType: response.headers.get('content-type') ?? '' };
}

async function sendOnce(
  url: string,
  authorization: string | null,
  request: ImagingRequest,
  origin: string,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: request.accept };
  if (authorization) headers.Authorization = authorization;
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const resting = request.background ? originResting(origin) : 0;
  if (resting > 0) {
    throw new ImagingHttpError(
      `The image server at ${origin} could not be reached (several tries in a row); it is asked again in ${Math.ceil(resting / 1000)} s.`,
      null,
      'unreachable',
    );
  }
  const attempt = withTimeout(request.signal, timeoutMs);
  // A slow image is named on screen long before the timeout gives up on it.
  const slow = noticeIfSlow({ server: 'image', address: origin });
  try {
    const init = { headers, signal: attempt.signal };
    // A PACS the deployment forwards from the viewer's own origin gets it there (imaging-routes.ts).
    const target = imagingRequestUrl(url);
    const response = await (request.transport ? request.transport(target, init) : fetch(target, init));
    recordAnswer(origin);
    return response;
  } catch (error) {
    if (request.signal?.aborted) throw error;
    if (error instanceof TransportUnavailableError) {
      throw new ImagingHttpError(
        `The request to the image server at ${origin} could not be sent (${error.message}).`,
        null,
        'unreachable',
      );
    }
    recordNoAnswer(origin);
    if (attempt.timedOut()) {
      throw new ImagingHttpError(
        `The image server at ${origin} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
        null,
        'timeout',
      );
    }
    throw new ImagingHttpError(`The image server at ${origin} could not be reached.`, null, 'unreachable');
  } finally {
    attempt.clear();
    slow();
  }
}

/** A body that breaks off or is not what it claims is the server's fault: said so, with its origin. */
async function readBody<T>(url: string, signal: AbortSignal | undefined, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ImagingHttpError(
      `The image server at ${new URL(url).origin} sent an invalid response.`,
      null,
      'invalid-response',
    );
  }
}

function describeStatus(status: number, origin: string): string {
  if (status === 401 || status === 403)
    return `The image server at ${origin} refused access (HTTP ${status}).`;
  if (status === 404) return `The image server at ${origin} does not have these images (HTTP 404).`;
  if (status === 503) return `The image server at ${origin} is busy (HTTP 503). Try again in a moment.`;
  return `The image server at ${origin} answered HTTP ${status}.`;
}
