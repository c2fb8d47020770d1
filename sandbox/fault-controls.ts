import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestUrl, sendJson } from './http-helpers.ts';

/**
 * Faults a real deployment has and a test must be able to cause on demand, in the real servers:
 * tokens revoked by the EHR, an image server that answers 503 with Retry-After for a while.
 */
export class PacsBusyState {
  private remaining = 0;
  private retryAfterSeconds = 1;
  private match = '';

  /** The next `count` requests whose path contains `match` (all when empty) get 503. */
  set(count: number, retryAfterSeconds: number, match = ''): void {
    this.remaining = count;
    this.retryAfterSeconds = retryAfterSeconds;
    this.match = match;
  }

  /** Answers 503 when a busy spell covers this path; false when the gateway should serve normally. */
  answerBusy(path: string, res: ServerResponse): boolean {
    if (this.remaining <= 0 || !path.includes(this.match)) return false;
    this.remaining -= 1;
    sendJson(res, 503, { error: 'busy' }, 'application/json', {
      'Retry-After': String(this.retryAfterSeconds),
    });
    return true;
  }
}

export interface FaultControlDeps {
  /** Invalidates every access token issued so far. */
  revokeAccessTokens(): void;
  /** Invalidates every refresh token issued so far. */
  revokeRefreshTokens(): void;
  pacsBusy: { a: PacsBusyState; b: PacsBusyState };
}

/**
 * `POST /api/faults/revoke?what=access|all` and
 * `POST /api/faults/pacs-busy?pacs=a|b&count=N&retryAfter=S[&match=path-substring]`
 * on the EHR origin, for the e2e tests (the sandbox only listens on 127.0.0.1).
 */
export function createFaultControlHandler(deps: FaultControlDeps) {
  return (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = requestUrl(req);
    if (req.method !== 'POST' || !url.pathname.startsWith('/api/faults/')) return Promise.resolve(false);
    if (url.pathname === '/api/faults/revoke') {
      deps.revokeAccessTokens();
      if (url.searchParams.get('what') === 'all') deps.revokeRefreshTokens();
      sendJson(res, 200, {
        revoked: url.searchParams.get('what') === 'all' ? 'access and refresh tokens' : 'access tokens',
      });
      return Promise.resolve(true);
    }
    if (url.pathname === '/api/faults/pacs-busy') {
      const pacs = url.searchParams.get('pacs') === 'a' ? 'a' : 'b';
      const count = Number(url.searchParams.get('count') ?? '1');
      const retryAfter = Number(url.searchParams.get('retryAfter') ?? '1');
      const match = url.searchParams.get('match') ?? '';
      deps.pacsBusy[pacs].set(count, retryAfter, match);
      sendJson(res, 200, { pacs, count, retryAfter, match });
      return Promise.resolve(true);
    }
    sendJson(res, 404, { error: 'unknown fault control' });
    return Promise.resolve(true);
  };
}
