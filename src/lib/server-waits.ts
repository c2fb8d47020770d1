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
  /** Why the attempt failed: no answer at all, "too many requests" (429), or a 5xx. */
  why?: 'no-answer' | 'busy' | 'unavailable';
}

const NAMES: Record<ServerWait['server'], string> = {
  fhir: 'the FHIR server',
  image: 'the image server',
  ehr: 'the EHR',
};

const WHY: Record<NonNullable<ServerWait['why']>, string> = {
  'no-answer': 'did not answer',
  busy: 'is busy',
  unavailable: 'is unavailable for the moment',
};

/**
 * The sentence on screen, in words rather than HTTP: whom we wait for, why, and what happens next.
 * A renewal the EHR cannot do yet is not a refusal: the session and the work on screen are kept.
 */
export function describeServerWait({ server, address, retryInSeconds, why }: ServerWait): string {
  const name = NAMES[server];
  if (retryInSeconds === undefined) return `Waiting for ${name} at ${address}…`;
  const what = WHY[why ?? 'no-answer'];
  const subject = `${name.charAt(0).toUpperCase()}${name.slice(1)} at ${address} ${what}`;
  if (server === 'ehr') {
    return `${subject} and could not renew the session yet; trying again in ${retryInSeconds} s. Your session and your work are kept.`;
  }
  return `${subject}; trying again in ${retryInSeconds} s…`;
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
