import { SessionExpiredError } from './session-expired-error';

/**
 * The one signal that the EHR has ended the session, whoever finds out: a FHIR GET, the imaging
 * door (series metadata, previews, frames — which are not TanStack queries), or a token refresh.
 * Each of them reports here through `watch`; the app listens here and nowhere else, so a frame that
 * meets a dead session brings up the same dialog as a list page does.
 */
export class SessionExpiry {
  private endedWith: SessionExpiredError | null = null;
  private readonly listeners = new Set<() => void>();

  /** Whether the session has ended (stable between changes, for `useSyncExternalStore`). */
  readonly hasEnded = (): boolean => this.endedWith !== null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs a request; a `SessionExpiredError` from it ends the session for the whole app, then goes on. */
  async watch<T>(task: () => Promise<T>): Promise<T> {
    // Once ended, no request goes out with a token the EHR has already refused.
    if (this.endedWith) throw this.endedWith;
    try {
      return await task();
    } catch (error) {
      if (error instanceof SessionExpiredError) this.end(error);
      throw error;
    }
  }

  private end(error: SessionExpiredError): void {
    if (this.endedWith) return;
    this.endedWith = error;
    for (const listener of this.listeners) listener();
  }
}
