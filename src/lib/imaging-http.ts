import { mayReceiveAccessToken, type TokenPolicy } from '@/domain/smart/token-destination';
import { accessTokenOf, type SmartClient } from './smart-client';

/**
 * Builds the one function that decides whether a request carries the access token. It refreshes a
 * token about to expire first, so a long reading session keeps working.
 */
export function createAuthorizationProvider(client: SmartClient, policy: TokenPolicy) {
  return async (url: string): Promise<string | null> => {
    if (!mayReceiveAccessToken(url, policy)) return null;
    await client.refreshIfNeeded();
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

/** GETs DICOM JSON (QIDO-RS / WADO-RS metadata), with the token only where it may go. */
export async function fetchDicomJson(
  url: string,
  authorizationFor: (url: string) => Promise<string | null>,
  signal?: AbortSignal,
): Promise<unknown> {
  const authorization = await authorizationFor(url);
  const headers: Record<string, string> = { Accept: 'application/dicom+json' };
  if (authorization) headers.Authorization = authorization;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ImagingHttpError(`The image server at ${new URL(url).origin} could not be reached.`, null);
  }
  if (!response.ok) {
    throw new ImagingHttpError(describeStatus(response.status, new URL(url).origin), response.status);
  }
  if (response.status === 204) return [];
  return response.json();
}

function describeStatus(status: number, origin: string): string {
  if (status === 401 || status === 403)
    return `The image server at ${origin} refused access (HTTP ${status}).`;
  if (status === 404) return `The image server at ${origin} does not have these images (HTTP 404).`;
  return `The image server at ${origin} answered HTTP ${status}.`;
}
