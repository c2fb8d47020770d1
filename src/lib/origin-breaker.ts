/**
 * A circuit breaker per image server: after a few requests in a row that got no answer at all (not
 * reachable, or timed out), the server is not asked again for a while; requests fail at once with a
 * sentence that says so. A list of a thousand studies on a dead PACS then costs a few requests, not
 * one per row and frame. Any answer from the server (even an error status) closes the breaker.
 */
const FAILURES_TO_OPEN = 3;
const OPEN_FOR_MS = 30_000;

interface OriginState {
  failures: number;
  openUntil: number;
}

const states = new Map<string, OriginState>();

/** How long (ms) this origin is still not to be asked; 0 when it may be. */
export function originResting(origin: string, now = Date.now()): number {
  const state = states.get(origin);
  return state && state.openUntil > now ? state.openUntil - now : 0;
}

/** The origin gave no answer at all. */
export function recordNoAnswer(origin: string, now = Date.now()): void {
  const state = states.get(origin) ?? { failures: 0, openUntil: 0 };
  state.failures += 1;
  if (state.failures >= FAILURES_TO_OPEN) state.openUntil = now + OPEN_FOR_MS;
  states.set(origin, state);
}

/** The origin answered (whatever the status): it is there. */
export function recordAnswer(origin: string): void {
  states.delete(origin);
}

/** For tests: every origin closed. */
export function resetOriginBreakers(): void {
  states.clear();
}
