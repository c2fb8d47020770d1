import FHIR from 'fhirclient';
import type Client from 'fhirclient/lib/Client';
import { getAndCache } from 'fhirclient/lib/lib';

/** The one place the app touches fhirclient: authorize, complete, and the client type. */
export type SmartClient = Client;

// A public client has no secret, so a refresh must say which client it is (RFC 6749 §6 with §3.2.1).
// The app refreshes through session-refresh.ts; this covers fhirclient's own calls, if any.
FHIR.oauth2.settings.refreshTokenWithClientId = true;

/** fhirclient's per-tab pointer to the session state in sessionStorage. */
const SMART_SESSION_KEY = 'SMART_KEY';

export interface AuthorizeRequest {
  iss: string;
  launch?: string;
  clientId: string;
  scope: string;
  redirectUri: string;
}

/**
 * The server's `.well-known/smart-configuration` JSON, through fhirclient's per-page cache: the
 * `authorizeSmart` that follows on the launch page then reuses this response instead of asking again.
 * The URL is spelt exactly as fhirclient spells it (the cache is keyed by it). Rejects with the
 * fetch's TypeError when the server cannot be reached, or with an error carrying `status` when it
 * answers with an HTTP error.
 */
export function fetchSmartConfigurationJson(iss: string, signal?: AbortSignal): Promise<unknown> {
  const url = `${iss.replace(/\/*$/, '/')}.well-known/smart-configuration`;
  return getAndCache(url, signal ? { signal } : undefined) as Promise<unknown>;
}

export function hasSmartSession(): boolean {
  return sessionStorage.getItem(SMART_SESSION_KEY) !== null;
}

export async function authorizeSmart(request: AuthorizeRequest): Promise<void> {
  await FHIR.oauth2.authorize({
    iss: request.iss,
    ...(request.launch ? { launch: request.launch } : {}),
    clientId: request.clientId,
    scope: request.scope,
    redirectUri: request.redirectUri,
    // PKCE S256 always, even if a server forgets to advertise it.
    pkceMode: 'required',
    // The whole app runs where it was launched: in the tab, or in the EHR's iframe (embedded launch),
    // whose own sessionStorage then holds the session. Said explicitly: in a frame fhirclient would
    // otherwise guess (and warn), and with `false` its callback would post the code to the parent
    // window, which is the EHR's page, not ours.
    completeInTarget: true,
  });
}

/** Completes the code exchange on the redirect page, or restores the tab's session on a reload. */
export function completeSmartLaunch(): Promise<SmartClient> {
  return FHIR.oauth2.ready();
}
