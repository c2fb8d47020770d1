import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestUrl, sendJson } from './http-helpers.ts';
import type { FhirHangFaults } from './fhir/fhir-faults.ts';
import type { PacsFaults } from './pacs/pacs-faults.ts';

/**
 * Faults a real deployment has and a test (or a developer, by hand with curl) must be able to cause on
 * demand, in the real servers: tokens revoked by the EHR; an image server that is busy (503 with
 * Retry-After), stopped (refusing connections, or hanging) or slow with frames; a FHIR page that hangs.
 */
export interface FaultControlDeps {
  /** Invalidates every access token issued so far. */
  revokeAccessTokens(): void;
  /** Invalidates every refresh token issued so far. */
  revokeRefreshTokens(): void;
  pacs: { a: PacsFaults; b: PacsFaults };
  fhir: FhirHangFaults;
}

type Params = URLSearchParams;
type Control = (deps: FaultControlDeps, params: Params) => Promise<Record<string, unknown>>;

class BadFaultRequest extends Error {}

function pacsOf(deps: FaultControlDeps, params: Params): { name: 'a' | 'b'; faults: PacsFaults } {
  const name = params.get('pacs');
  if (name !== 'a' && name !== 'b') throw new BadFaultRequest('pacs must be a or b');
  return { name, faults: deps.pacs[name] };
}

function numberOf(params: Params, name: string, fallback: number | null): number | null {
  const text = params.get(name);
  if (text === null || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new BadFaultRequest(`${name} must be a number ≥ 0`);
  return value;
}

const CONTROLS: Record<string, Control> = {
  revoke: async (deps, params) => {
    deps.revokeAccessTokens();
    const all = params.get('what') === 'all';
    if (all) deps.revokeRefreshTokens();
    return { revoked: all ? 'access and refresh tokens' : 'access tokens' };
  },
  'pacs-busy': async (deps, params) => {
    const { name, faults } = pacsOf(deps, params);
    const count = numberOf(params, 'count', 1) ?? 1;
    const retryAfter = numberOf(params, 'retryAfter', 1) ?? 1;
    const match = params.get('match') ?? '';
    faults.setBusy(count, retryAfter, match);
    return { pacs: name, count, retryAfter, match };
  },
  'pacs-stop': async (deps, params) => {
    const { name, faults } = pacsOf(deps, params);
    const mode = params.get('mode') ?? 'refuse';
    if (mode !== 'refuse' && mode !== 'hang') throw new BadFaultRequest('mode must be refuse or hang');
    await faults.stop(mode);
    return { pacs: name, stopped: mode };
  },
  'pacs-resume': async (deps, params) => {
    const { name, faults } = pacsOf(deps, params);
    await faults.resume();
    return { pacs: name, stopped: null };
  },
  'slow-frames': async (deps, params) => {
    const { name, faults } = pacsOf(deps, params);
    const delayMs = numberOf(params, 'delayMs', null);
    if (delayMs === null) throw new BadFaultRequest('delayMs is required (0 ends the delay)');
    const match = params.get('match') ?? '';
    faults.setFrameDelay(delayMs, match);
    return { pacs: name, delayMs, match };
  },
  'fhir-hang': async (deps, params) => {
    const match = params.get('match') ?? '';
    const count = numberOf(params, 'count', 1) ?? 1;
    const ms = numberOf(params, 'ms', null);
    deps.fhir.hang(match, count, ms);
    return { match, count, ms };
  },
  'fhir-release': async (deps) => {
    deps.fhir.release();
    return { released: true };
  },
  reset: async (deps) => {
    await Promise.all([deps.pacs.a.reset(), deps.pacs.b.reset()]);
    deps.fhir.release();
    return { reset: true };
  },
};

function describeFaults(deps: FaultControlDeps): Record<string, unknown> {
  return { pacs: { a: deps.pacs.a.describe(), b: deps.pacs.b.describe() }, fhir: deps.fhir.describe() };
}

/**
 * `POST /api/faults/{control}?…` on the EHR origin (the sandbox only listens on 127.0.0.1), and
 * `GET /api/faults` for what is in force. The controls and their parameters: sandbox/README.md.
 */
export function createFaultControlHandler(deps: FaultControlDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = requestUrl(req);
    if (req.method === 'GET' && url.pathname === '/api/faults') {
      sendJson(res, 200, describeFaults(deps));
      return true;
    }
    if (req.method !== 'POST' || !url.pathname.startsWith('/api/faults/')) return false;
    const control = CONTROLS[url.pathname.slice('/api/faults/'.length)];
    if (!control) {
      sendJson(res, 404, { error: 'unknown fault control', controls: Object.keys(CONTROLS) });
      return true;
    }
    try {
      sendJson(res, 200, await control(deps, url.searchParams));
    } catch (error) {
      if (!(error instanceof BadFaultRequest)) throw error;
      sendJson(res, 400, { error: error.message });
    }
    return true;
  };
}
