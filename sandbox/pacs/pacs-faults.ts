import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { closeServer, listen, sendJson } from '../http-helpers.ts';

/** How a stopped PACS behaves: no listener at all, or connections accepted and never answered. */
export type PacsStopMode = 'refuse' | 'hang';

/**
 * What a test (or a developer, by hand) can make one PACS gateway do wrong, in the real server:
 * answer 503 with Retry-After for a few requests, stop (refuse connections, or accept them and never
 * answer) until resumed, and answer frame requests late.
 */
export class PacsFaults {
  private busyRemaining = 0;
  private busyRetryAfterSeconds = 1;
  private busyMatch = '';
  private stopped: PacsStopMode | null = null;
  private readonly held = new Set<() => void>();
  private frameDelayMs = 0;
  private frameDelayMatch = '';
  private server: { server: Server; port: number } | null = null;

  /** The gateway's own server, so that a stop can close its port and a resume open it again. */
  bind(server: Server, port: number): void {
    this.server = { server, port };
  }

  /** The next `count` requests whose path contains `match` (all when empty) get 503. */
  setBusy(count: number, retryAfterSeconds: number, match = ''): void {
    this.busyRemaining = count;
    this.busyRetryAfterSeconds = retryAfterSeconds;
    this.busyMatch = match;
  }

  /**
   * Each request for pixel data whose path contains `match` (all when empty) is answered `delayMs`
   * late; 0 ends it. Pixel data is frames, and whole instances or series (Retrieve Instance or Series:
   * they bring the frames too), not metadata.
   */
  setFrameDelay(delayMs: number, match = ''): void {
    this.frameDelayMs = Math.max(0, delayMs);
    this.frameDelayMatch = match;
  }

  /** Stops answering: the port closes (refuse), or requests are held unanswered (hang). */
  async stop(mode: PacsStopMode): Promise<void> {
    await this.resume();
    this.stopped = mode;
    // Keep-alive sockets would go on being served: a stopped server drops them too.
    if (mode === 'refuse' && this.server) await closeServer(this.server.server);
    if (mode === 'hang') this.server?.server.closeAllConnections();
  }

  /** Serves again: the port reopens, and requests held by a hang are served now. */
  async resume(): Promise<void> {
    const wasRefusing = this.stopped === 'refuse';
    this.stopped = null;
    for (const release of this.held) release();
    this.held.clear();
    if (wasRefusing && this.server && !this.server.server.listening) {
      await listen(this.server.server, this.server.port);
    }
  }

  /** Everything back to normal. */
  async reset(): Promise<void> {
    this.setBusy(0, 1);
    this.setFrameDelay(0);
    await this.resume();
  }

  describe(): Record<string, unknown> {
    return {
      stopped: this.stopped,
      held: this.held.size,
      busy: { remaining: this.busyRemaining, retryAfter: this.busyRetryAfterSeconds, match: this.busyMatch },
      frameDelay: { ms: this.frameDelayMs, match: this.frameDelayMatch },
    };
  }

  /** A hung PACS holds every request (CORS preflights too) until resumed; true if the client left meanwhile. */
  async holdIfHung(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (this.stopped !== 'hang') return false;
    await new Promise<void>((resolve) => {
      const release = () => {
        this.held.delete(release);
        resolve();
      };
      this.held.add(release);
      req.socket.once('close', release);
    });
    return res.destroyed || req.socket.destroyed;
  }

  /**
   * The faults that answer (busy) or slow down (frame delay) a request the gateway is about to serve;
   * true when the request is answered or gone and the gateway must not serve it.
   */
  async answerOrDelay(path: string, res: ServerResponse): Promise<boolean> {
    if (this.frameDelayMs > 0 && bringsPixelData(path) && path.includes(this.frameDelayMatch)) {
      await new Promise((resolve) => setTimeout(resolve, this.frameDelayMs));
      if (res.destroyed) return true;
    }
    if (this.busyRemaining <= 0 || !path.includes(this.busyMatch)) return false;
    this.busyRemaining -= 1;
    sendJson(res, 503, { error: 'busy' }, 'application/json', {
      'Retry-After': String(this.busyRetryAfterSeconds),
    });
    return true;
  }
}

/** Frames, or a whole instance or series (WADO-RS Retrieve), as opposed to metadata or a search. */
function bringsPixelData(path: string): boolean {
  const pathname = path.split('?')[0] ?? '';
  return pathname.includes('/frames/') || /\/(series|instances)\/[0-9.]+\/?$/.test(pathname);
}
