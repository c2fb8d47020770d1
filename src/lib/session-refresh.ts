import type Client from 'fhirclient/lib/Client';
import { SessionExpiredError } from './session-expired-error';
import { wait, withTimeout } from './request-timeout';
import { retryAfterSeconds } from './retry-after';
import { beginServerWait, noticeIfSlow } from './server-waits';

/** Renew this many seconds before expiry, so a request never leaves with a token about to lapse. */
const RENEW_BEFORE_EXPIRY_SECONDS = 10;

const inFlight = new WeakMap<Client, Promise<void>>();

/**
 * The refresh_token grant, done here rather than by fhirclient: fhirclient deletes the refresh token
 * whenever a refresh fails for any reason — including a page reload that aborts the request — and the
 * next load then finds a session that cannot be renewed. Here only the authorization server's own
 * refusal (a 400/401 answer, or any 4xx saying `invalid_grant`) ends the session; a network failure is retried with back-off until the
 * EHR answers. Concurrent callers share one renewal.
 */
export function refreshSession(client: Client): Promise<void> {
  const running = inFlight.get(client);
  if (running) return running;
  const task = exchangeRefreshToken(client).finally(() => inFlight.delete(client));
  inFlight.set(client, task);
  return task;
}

export async function refreshSessionIfNeeded(client: Client, now = Date.now()): Promise<void> {
  const expiresAt = client.state.expiresAt;
  if (!expiresAt || !client.state.tokenResponse?.refresh_token) return;
  if (expiresAt - RENEW_BEFORE_EXPIRY_SECONDS < now / 1000) await refreshSession(client);
}

async function exchangeRefreshToken(client: Client): Promise<void> {
  const { state } = client;
  const refreshToken = state.tokenResponse?.refresh_token;
  if (!refreshToken || !state.tokenUri) throw new SessionExpiredError('The session has expired.');
  const response = await postUntilAnswered(state.tokenUri, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    // A public client names itself (RFC 6749 §6 with §3.2.1).
    ...(state.clientId ? { client_id: state.clientId } : {}),
  });
  if (await isRefusal(response)) throw new SessionExpiredError('The EHR did not renew the session.');
  if (!response.ok) {
    throw new Error(
      `The EHR did not renew the session: its sign-in service answered with an error (HTTP ${response.status}).`,
    );
  }
  const data = (await response.json()) as Record<string, unknown>;
  const { access_token: accessToken, expires_in: expiresIn } = data;
  if (typeof accessToken !== 'string') throw new Error('The EHR renewed the session without a token.');
  const lifetime = typeof expiresIn === 'number' ? expiresIn : undefined;
  state.tokenResponse = { ...state.tokenResponse, ...data, access_token: accessToken, expires_in: lifetime };
  state.expiresAt = lifetime === undefined ? undefined : Math.floor(Date.now() / 1000) + lifetime;
  // Persist where fhirclient keeps the session (this tab's sessionStorage), so a reload keeps it.
  if (state.key) await client.environment.getStorage().set(state.key, state);
}

/**
 * The authorization server's own "no" (RFC 6749 §5.2): a 400 or 401, or any 4xx whose body says
 * `invalid_grant` — smart-launcher-v2, for one, answers a dead refresh token with 403.
 */
async function isRefusal(response: Response): Promise<boolean> {
  if (response.status === 400 || response.status === 401) return true;
  if (response.status < 400 || response.status >= 500) return false;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  return typeof body === 'object' && body !== null && 'error' in body && body.error === 'invalid_grant';
}

/** Waits between attempts while the EHR does not answer: 1, 2, 4, 8, then every 15 s. */
export const REFRESH_BACKOFF_SECONDS = [1, 2, 4, 8, 15] as const;
const REFRESH_TIMEOUT_MS = 30_000;

/**
 * POSTs the grant until the EHR answers with something other than "try later" (a network failure, no
 * answer within 30 s, 429 or 5xx), waiting longer between attempts (or what its Retry-After asks, up
 * to 30 s), with a notice on screen that says in words what is happening. A dead network is not a
 * refusal: every request waiting on this renewal goes on by itself once the EHR is back, instead of a
 * "Failed to fetch" with no way back.
 */
async function postUntilAnswered(tokenUri: string, form: Record<string, string>): Promise<Response> {
  const origin = new URL(tokenUri).origin;
  for (let attempt = 0; ; attempt += 1) {
    const response = await postOnce(tokenUri, form);
    if (response && response.status !== 429 && response.status < 500) return response;
    const backoff = REFRESH_BACKOFF_SECONDS[Math.min(attempt, REFRESH_BACKOFF_SECONDS.length - 1)] ?? 15;
    const asked = response ? retryAfterSeconds(response.headers.get('Retry-After')) : null;
    const seconds = Math.max(backoff, asked ?? 0);
    const why = !response ? 'no-answer' : response.status === 429 ? 'busy' : 'unavailable';
    const end = beginServerWait({ server: 'ehr', address: origin, retryInSeconds: seconds, why });
    await wait(seconds * 1000);
    end();
  }
}

/** One attempt; null when the EHR did not answer at all. */
async function postOnce(tokenUri: string, form: Record<string, string>): Promise<Response | null> {
  const attempt = withTimeout(undefined, REFRESH_TIMEOUT_MS);
  // Every request waits on this renewal: a slow one must be named, not leave the screen silent.
  const slow = noticeIfSlow({ server: 'ehr', address: new URL(tokenUri).origin });
  try {
    return await fetch(tokenUri, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form),
      signal: attempt.signal,
    });
  } catch {
    return null;
  } finally {
    attempt.clear();
    slow();
  }
}
