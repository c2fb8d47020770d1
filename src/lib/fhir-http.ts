import { mayReceiveAccessToken } from '@/domain/smart/token-destination';
import { accessTokenOf } from './access-token';
import { SessionExpiredError } from './session-expired-error';
import { refreshSession, refreshSessionIfNeeded } from './session-refresh';
import type { SessionExpiry } from './session-expiry';
import type { SmartClient } from './smart-client';

export class FhirHttpError extends Error {
  override readonly name = 'FhirHttpError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * GET from the FHIR server with the session's token. A 401 gets one token refresh and one retry
 * (a token revoked or expired early); a second 401 ends the session with a clear error instead of
 * fhirclient's default of silently clearing it, and tells the whole app through `expiry`.
 */
export function createFhirGet(client: SmartClient, fhirBaseUrl: string, expiry: SessionExpiry) {
  const base = fhirBaseUrl.replace(/\/+$/, '');
  return (pathOrUrl: string, signal?: AbortSignal): Promise<unknown> =>
    expiry.watch(() => getWithRenewal(client, base, pathOrUrl, signal));
}

async function getWithRenewal(
  client: SmartClient,
  base: string,
  pathOrUrl: string,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${base}/${pathOrUrl.replace(/^\/+/, '')}`;
  if (!mayReceiveAccessToken(url, { bases: [base], origins: [] })) {
    throw new Error('Refusing to send the FHIR token to a URL outside the FHIR server.');
  }
  await refreshSessionIfNeeded(client);
  let response = await get(url, client, signal);
  if (response.status === 401) {
    await refreshSession(client);
    response = await get(url, client, signal);
    if (response.status === 401) throw new SessionExpiredError('The EHR no longer accepts this session.');
  }
  if (!response.ok) throw new FhirHttpError(await describeFailure(response), response.status);
  return response.json();
}

async function get(url: string, client: SmartClient, signal?: AbortSignal): Promise<Response> {
  const token = accessTokenOf(client);
  return fetch(url, {
    headers: { Accept: 'application/fhir+json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    signal: signal ?? null,
  });
}

/** The server's own words when it sends an OperationOutcome, else the status. */
async function describeFailure(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as {
      issue?: { diagnostics?: string; details?: { text?: string } }[];
    };
    const issue = body.issue?.[0];
    const text = issue?.diagnostics ?? issue?.details?.text;
    if (text) return `The FHIR server answered HTTP ${response.status}: ${text}`;
  } catch {
    // Not JSON: the status alone says enough.
  }
  return `The FHIR server answered HTTP ${response.status}.`;
}
