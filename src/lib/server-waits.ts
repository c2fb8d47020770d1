import { useSyncExternalStore } from 'react';

/**
 * Requests the user is waiting on longer than they should: a FHIR page or an image that has not
 * answered after a few seconds, a token renewal the EHR has not answered. Each door reports its own
 * waits here, so a slow server is named on screen instead of leaving a silent spinner.
 */
export interface ServerWait {
  server: 'fhir' | 'image' | 'ehr';
  /** Where it is: an origin, or the FHIR base URL. */
  address: string;
  /** Set while a failed attempt is waited out before the next one. */
  retryInSeconds?: number;
}

/** How long a request may take before the user is told whom we are waiting for. */
export const SLOW_REQUEST_NOTICE_MS = 3_000;

const waits = new Map<number, ServerWait>();
let snapshot: readonly ServerWait[] = [];
let nextId = 0;
const listeners = new Set<() => void>();

function changed(): void {
  snapshot = [...waits.values()];
  for (const listener of listeners) listener();
}

/** Shows a wait until the returned function is called (safe to call more than once). */
export function beginServerWait(wait: ServerWait): () => void {
  const id = nextId++;
  waits.set(id, wait);
  changed();
  return () => {
    if (waits.delete(id)) changed();
  };
}

/** Shows the wait only if the request is still running after `afterMs`; call the result when it settles. */
export function noticeIfSlow(wait: ServerWait, afterMs = SLOW_REQUEST_NOTICE_MS): () => void {
  let end: (() => void) | null = null;
  const timer = setTimeout(() => (end = beginServerWait(wait)), afterMs);
  return () => {
    clearTimeout(timer);
    end?.();
  };
}

export function currentServerWaits(): readonly ServerWait[] {
  return snapshot;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useServerWaits(): readonly ServerWait[] {
  return useSyncExternalStore(subscribe, currentServerWaits);
}

/** Whether a request to this server (an origin, or the FHIR base URL) is taking long right now. */
export function useServerWaiting(server: ServerWait['server'], address: string | null): boolean {
  const waits = useServerWaits();
  return address !== null && waits.some((wait) => wait.server === server && wait.address === address);
}
