import type { IncomingMessage } from 'node:http';

/**
 * A FHIR search page that never answers (until released) or answers late: the next `count` requests
 * whose path and query contain `match` are held, for `ms` milliseconds or until `release()`.
 */
export class FhirHangFaults {
  private remaining = 0;
  private match = '';
  private ms: number | null = null;
  private readonly held = new Set<() => void>();

  hang(match: string, count: number, ms: number | null): void {
    this.match = match;
    this.remaining = count;
    this.ms = ms;
  }

  /** Answers every held request now, and holds no more. */
  release(): void {
    this.remaining = 0;
    for (const answer of this.held) answer();
    this.held.clear();
  }

  describe(): Record<string, unknown> {
    return { remaining: this.remaining, match: this.match, ms: this.ms, held: this.held.size };
  }

  /** Resolves when this request may be answered (at once unless a hang covers it). */
  async wait(pathAndQuery: string, req: IncomingMessage): Promise<void> {
    if (this.remaining <= 0 || !pathAndQuery.includes(this.match)) return;
    this.remaining -= 1;
    const ms = this.ms;
    await new Promise<void>((resolve) => {
      const answer = () => {
        clearTimeout(timer);
        this.held.delete(answer);
        resolve();
      };
      const timer = ms === null ? undefined : setTimeout(answer, ms);
      this.held.add(answer);
      // A client that gave up frees its place.
      req.socket.once('close', answer);
    });
  }
}
