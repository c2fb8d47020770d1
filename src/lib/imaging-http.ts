import { mayReceiveAccessToken } from '@/domain/smart/token-destination';
import { accessTokenOf } from './access-token';
import { announceImagingServerBusy } from './imaging-server-busy';
import { refreshSession, refreshSessionIfNeeded } from './session-refresh';
import type { SmartClient } from './smart-client';
import type { TokenPolicyStore } from './token-policy-store';

/**
 * `Bearer …` for a URL that may receive the token, null otherwise. `renew` forces a token refresh
 * first (after a 401 from an image server that shares the EHR's authorization).
 */
export type AuthorizationProvider = (url: string, options?: { renew?: boolean }) => Promise<string | null>;

/** Builds the one function that decides whether a request carries the access token. */
export function createAuthorizationProvider(
  client: SmartClient,
  policy: TokenPolicyStore,
): AuthorizationProvider {
  return async (url, options) => {
    if (!mayReceiveAccessToken(url, policy.current)) return null;
    if (options?.renew) await refreshSession(client);
    else await refreshSessionIfNeeded(client);
    const token = accessTokenOf(client);
    return token ? `Bearer ${token}` : null;
  };
}

export class ImagingHttpError extends Error {
  override readonly name = 'ImagingHttpError';
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export interface ImagingFetchOptions {
  signal?: AbortSignal;
  /** Called while waiting out a 503 with Retry-After (default: announce it to the whole app). */
  onBusy?: (retryInSeconds: number) => void;
}

/** How long we honour a busy server before giving up, per request. */
const MAX_BUSY_RETRIES = 3;
const MAX_RETRY_AFTER_SECONDS = 30;

/**
 * GETs DICOM JSON (QIDO-RS / WADO-RS metadata), with the token only where it may go. A 401 from a
 * token-sharing server gets one refreshed retry; a 503 with Retry-After is waited out a few times.
 */
export async function fetchDicomJson(
  url: string,
  authorizationFor: AuthorizationProvider,
  options: ImagingFetchOptions = {},
): Promise<unknown> {
  const origin = new URL(url).origin;
  let response = await send(url, await authorizationFor(url), options.signal, origin);
  if (response.status === 401 && (await authorizationFor(url)) !== null) {
    response = await send(url, await authorizationFor(url, { renew: true }), options.signal, origin);
  }
  for (let attempt = 0; response.status === 503 && attempt < MAX_BUSY_RETRIES; attempt += 1) {
    const seconds = retryAfterSeconds(response.headers.get('Retry-After'));
    if (seconds === null) break;
    (options.onBusy ?? ((retryInSeconds) => announceImagingServerBusy({ origin, retryInSeconds })))(seconds);
    await wait(seconds * 1000, options.signal);
    response = await send(url, await authorizationFor(url), options.signal, origin);
  }
  if (!response.ok) throw new ImagingHttpError(describeStatus(response.status, origin), response.status);
  if (response.status === 204) return [];
  return response.json();
}

async function send(
  url: string,
  authorization: string | null,
  signal: AbortSignal | undefined,
  origin: string,
) {
  const headers: Record<string, string> = { Accept: 'application/dicom+json' };
  if (authorization) headers.Authorization = authorization;
  try {
    return await fetch(url, { headers, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ImagingHttpError(`The image server at ${origin} could not be reached.`, null);
  }
}

/** Retry-After in seconds (delta-seconds or an HTTP date), capped; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  const seconds = /^\d+$/.test(trimmed) ? Number(trimmed) : (Date.parse(trimmed) - now) / 1000;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(seconds)));
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

function describeStatus(status: number, origin: string): string {
  if (status === 401 || status === 403)
    return `The image server at ${origin} refused access (HTTP ${status}).`;
  if (status === 404) return `The image server at ${origin} does not have these images (HTTP 404).`;
  if (status === 503) return `The image server at ${origin} is busy (HTTP 503). Try again in a moment.`;
  return `The image server at ${origin} answered HTTP ${status}.`;
}
