import type Client from 'fhirclient/lib/Client';

/** The session's current access token (type-only use of fhirclient, so callers stay testable in Node). */
export function accessTokenOf(client: Client): string | null {
  return client.state.tokenResponse?.access_token ?? null;
}
