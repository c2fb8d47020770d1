import { withoutAddresses } from '@/domain/text/without-addresses';

/** Why a launch failed, each with its own page text (see launch-error-page.tsx). */
export type LaunchErrorKind =
  | 'missing-iss'
  | 'issuer-not-allowed'
  | 'authorization-denied'
  | 'token-failed'
  | 'no-patient'
  | 'no-session'
  | 'config';

export class LaunchError extends Error {
  override readonly name = 'LaunchError';
  constructor(
    readonly kind: LaunchErrorKind,
    /** The cause in words, for the clinician. */
    message: string,
    /** A short technical note for support (an HTTP status, an OAuth error code); never a URL. */
    readonly detail: string | null = null,
  ) {
    super(message);
  }
}

/** OAuth 2.0 error codes (RFC 6749 §4.1.2.1, §5.2) in the words a clinician can act on. */
const OAUTH_ERRORS: Record<string, string> = {
  invalid_grant:
    'The EHR did not accept this sign-in: it had expired or was already used (for example after going back or reloading during sign-in).',
  invalid_client: 'The EHR does not recognise this viewer: its registration with the EHR does not match.',
  unauthorized_client: 'The EHR does not allow this viewer to sign in this way.',
  invalid_scope: 'The EHR refused the permissions the viewer asks for.',
  access_denied: 'The sign-in was refused or cancelled at the EHR.',
  invalid_request: 'The EHR found the sign-in request incomplete or malformed.',
  unsupported_grant_type: 'The EHR does not support the way this viewer signs in.',
  unsupported_response_type: 'The EHR does not support the way this viewer signs in.',
  server_error: 'The EHR’s sign-in service had an internal error.',
  temporarily_unavailable: 'The EHR’s sign-in service is temporarily unavailable.',
};

/**
 * A failure from a launch (fhirclient's, the network's, ours) as a LaunchError whose message says the
 * cause in words. Libraries' texts ("400 Bad Request\nURL: https://…/token…") are never shown as they
 * are: the OAuth error code or HTTP status they carry is kept as a short technical detail.
 */
export function toLaunchError(error: unknown, fallback: LaunchErrorKind): LaunchError {
  if (error instanceof LaunchError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const status = statusOf(error);
  const code = Object.keys(OAUTH_ERRORS).find((name) => new RegExp(`(^|\\W)${name}(\\W|$)`).test(text));
  const detail = [status === null ? null : `HTTP ${status}`, code ?? null].filter(Boolean).join(', ') || null;
  const words = code ? OAUTH_ERRORS[code] : undefined;
  if (words) return new LaunchError(fallback, words, detail);
  if (status !== null) {
    return new LaunchError(
      fallback,
      status >= 500
        ? 'The EHR’s sign-in service had an error.'
        : 'The EHR’s sign-in service refused the request.',
      detail,
    );
  }
  if (/no 'state' parameter|no state found|'code' url parameter/i.test(text)) {
    return new LaunchError(
      'no-session',
      'This page was opened without a sign-in in progress in this tab (or the sign-in started in another tab).',
    );
  }
  if (error instanceof TypeError || /failed to fetch|networkerror|load failed/i.test(text)) {
    return new LaunchError(fallback, 'The EHR could not be reached.', redactUrls(text));
  }
  return new LaunchError(fallback, 'The sign-in could not be completed.', redactUrls(text));
}

function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('status' in error)) return null;
  return typeof error.status === 'number' ? error.status : null;
}

/** Keeps a library's text readable for support without the addresses (token endpoints included). */
function redactUrls(text: string): string {
  return withoutAddresses(text).slice(0, 300);
}
