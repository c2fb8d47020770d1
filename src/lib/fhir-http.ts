import { mayReceiveAccessToken } from '@/domain/smart/token-destination';
import { accessTokenOf } from './access-token';
import { SessionExpiredError } from './session-expired-error';
import { withTimeout } from './request-timeout';
import { noticeIfSlow } from './server-waits';
import { refreshSession, refreshSessionIfNeeded } from './session-refresh';
import type { SessionExpiry } from './session-expiry';
import type { SmartClient } from './smart-client';

export class FhirHttpError extends Error {
  override readonly name = 'FhirHttpError';
  constructor(
    message: string,
    /** The HTTP status the server answered; null when it did not answer at all. */
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** How long one attempt may take, body included: a hung page must end in an error the user can retry. */
const FHIR_TIMEOUT_MS = 30_000;

/**
 * GET from the FHIR server with the session's token. A 401 gets one token refresh and one retry
 * (a token revoked or expired early); a second 401 ends the session with a clear error instead of
 * fhirclient's default of silently clearing it, and tells the whole app through `expiry`. A slow
 * answer is named on screen after a few seconds; none at all fails after 30 s, naming the server.
 */
export function createFhirGet(
  client: SmartClient,
  fhirBaseUrl: string,
  expiry: SessionExpiry,
  timeoutMs = FHIR_TIMEOUT_MS,
) {
  const base = fhirBaseUrl.replace(/\/+$/, '');
  return (pathOrUrl: string, signal?: AbortSignal): Promise<unknown> =>
    expiry.watch(() => getWithRenewal(client, base, pathOrUrl, { signal, timeoutMs }));
}

interface Attempt {
  signal: AbortSignal | undefined;
  timeoutMs: number;
}

/** A FHIR answer read in full within the attempt's time. */
interface Answer {
  status: number;
  text: string;
}

async function getWithRenewal(
  client: SmartClient,
  base: string,
  pathOrUrl: string,
  attempt: Attempt,
): Promise<unknown> {
  const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${base}/${pathOrUrl.replace(/^\/+/, '')}`;
  if (!mayReceiveAccessToken(url, { bases: [base], origins: [] })) {
    throw new Error('Refusing to send the FHIR token to a URL outside the FHIR server.');
  }
  await refreshSessionIfNeeded(client);
  let answer = await get(url, base, client, attempt);
  if (answer.status === 401) {
    await refreshSession(client);
    answer = await get(url, base, client, attempt);
    if (answer.status === 401) throw new SessionExpiredError('The EHR no longer accepts this session.');
  }
  if (answer.status < 200 || answer.status > 299) {
    throw new FhirHttpError(describeFailure(answer), answer.status);
  }
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    // The parser's "position 17" means nothing to a user; whose answer was wrong does.
    throw new FhirHttpError(`The FHIR server at ${base} sent an invalid response.`, answer.status);
  }
}

async function get(url: string, base: string, client: SmartClient, attempt: Attempt): Promise<Answer> {
  const token = accessTokenOf(client);
  const timed = withTimeout(attempt.signal, attempt.timeoutMs);
  const slow = noticeIfSlow({ server: 'fhir', address: base });
  try {
    const response = await fetch(url, {
      headers: { Accept: 'application/fhir+json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      signal: timed.signal,
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    if (attempt.signal?.aborted) throw error;
    if (timed.timedOut()) {
      const seconds = Math.round(attempt.timeoutMs / 1000);
      throw new FhirHttpError(`The FHIR server at ${base} did not answer within ${seconds} s.`, null);
    }
    throw new FhirHttpError(`The FHIR server at ${base} could not be reached.`, null);
  } finally {
    timed.clear();
    slow();
  }
}

/** The server's own words when it sends an OperationOutcome, else the status. */
function describeFailure({ status, text }: Answer): string {
  try {
    const body = JSON.parse(text) as { issue?: { diagnostics?: string; details?: { text?: string } }[] };
    const issue = body.issue?.[0];
    const said = issue?.diagnostics ?? issue?.details?.text;
    if (said) return `The FHIR server answered HTTP ${status}: ${said}`;
  } catch {
    // Not JSON: the status alone says enough.
  }
  return `The FHIR server answered HTTP ${status}.`;
}
