import { isRouteErrorResponse } from 'react-router';
import { withoutAddresses } from '@/domain/text/without-addresses';
import { SessionExpiredError } from '@/lib/session-expired-error';

/**
 * What a screen that failed says about why, in words: a page the router does not know, a session the
 * EHR has ended, or the exception's own text (a bug report can quote it) with any address in it —
 * a token endpoint's, say — left out.
 */
export function screenErrorText(error: unknown): string {
  if (isRouteErrorResponse(error)) {
    return error.status === 404
      ? 'This page does not exist in the viewer.'
      : `The viewer could not show this page (${error.status} ${error.statusText}).`;
  }
  if (error instanceof SessionExpiredError) return 'The EHR has ended this session: sign in again.';
  const text = error instanceof Error ? error.message : String(error);
  return withoutAddresses(text);
}
