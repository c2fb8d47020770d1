import type { CDPSession, Page, Request } from '@playwright/test';

/** A request as the bench sees it: wall-clock ms (epoch) for its start and the end of its response. */
export interface TracedRequest {
  readonly url: URL;
  readonly method: string;
  readonly start: number;
  /** NaN when the response never ended (failed, cancelled, still running). */
  readonly end: number;
  /** Body bytes as sent on the wire (compressed when the server compressed it); NaN when unknown. */
  readonly wireBytes: number;
  readonly contentEncoding: string;
  readonly request: Request;
}

export interface Preflight {
  readonly url: URL;
  readonly at: number;
}

/**
 * What the page itself marked (wall-clock ms): the first paint (the first image drawn before the
 * renderer has started, when it can be), the renderer's first image, the whole series in memory.
 */
export interface PageMarks {
  readonly firstPaint: number | null;
  readonly firstImage: number | null;
  readonly seriesUid: string | null;
  readonly seriesCached: number | null;
}

/**
 * Marks taken in the page, on every document of the tab (the launch crosses several): when a viewport
 * first shows an image (`data-first-paint` or `data-transfer-syntax` set), taken once the frame that
 * shows it has been produced (the task after that frame's animation callbacks: a change in the DOM is
 * on screen only then, and work the page starts meanwhile holds it back), and when that series'
 * progress says every image is loaded. Wall-clock times, comparable with the request timings
 * Playwright reports.
 */
export const MARKS_SCRIPT = `(() => {
  const marks = { firstPaint: null, firstImage: null, seriesUid: null, seriesCached: null };
  const seen = new Set();
  Object.defineProperty(window, '__benchMarks', { value: marks });
  const now = () => performance.timeOrigin + performance.now();
  const onScreen = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { marks[name] = now(); };
      channel.port2.postMessage(null);
    });
  };
  const check = () => {
    if (document.querySelector('[data-testid="viewport"][data-first-paint="true"]')) onScreen('firstPaint');
    if (marks.seriesUid === null) {
      const viewport = document.querySelector('[data-testid="viewport"][data-transfer-syntax]:not([data-transfer-syntax=""])');
      if (viewport) {
        marks.seriesUid = viewport.getAttribute('data-series-uid');
        onScreen('firstImage');
      }
    }
    if (marks.seriesUid !== null && marks.seriesCached === null) {
      const progress = document.querySelector('[data-testid="series-thumbnail"][data-series-uid="' + marks.seriesUid + '"] [data-testid="series-progress"]');
      const total = progress && progress.getAttribute('data-total');
      if (total && progress.getAttribute('data-loaded') === total) marks.seriesCached = now();
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ['data-first-paint', 'data-transfer-syntax', 'data-loaded', 'data-total'],
  });
})();`;

/**
 * Everything one tab does from now on: its requests with their timings, the CORS preflights Chromium
 * sends (Playwright's request events do not include them, so they are read from the DevTools protocol),
 * and the page's own marks. The tab must not route requests: with routing on, Playwright answers
 * preflights itself and they never reach the server.
 */
export class LaunchTrace {
  private readonly requests: Request[] = [];
  private readonly preflightLog: Preflight[] = [];

  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<LaunchTrace> {
    await page.addInitScript({ content: MARKS_SCRIPT });
    const cdp = await page.context().newCDPSession(page);
    const trace = new LaunchTrace(page, cdp);
    page.on('request', (request) => trace.requests.push(request));
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.type === 'Preflight' || event.initiator.type === 'preflight')
        trace.preflightLog.push({ url: new URL(event.request.url), at: (event.wallTime ?? 0) * 1000 });
    });
    await cdp.send('Network.enable');
    return trace;
  }

  /** Forget what was seen so far (the next measurement starts from here). */
  reset(): void {
    this.requests.length = 0;
    this.preflightLog.length = 0;
  }

  /** Drops the HTTP cache (not the session): the next load is a cold one. */
  async clearHttpCache(): Promise<void> {
    await this.cdp.send('Network.clearBrowserCache');
  }

  async marks(): Promise<PageMarks> {
    return this.page.evaluate(() => (window as unknown as { __benchMarks: PageMarks }).__benchMarks);
  }

  /** Waits for the page's first image and, with `wholeSeries`, for its series to be in memory. */
  async waitForMarks(wholeSeries: boolean, timeout = 90_000): Promise<PageMarks> {
    await this.page.waitForFunction(
      (whole) => {
        const marks = (window as unknown as { __benchMarks?: PageMarks }).__benchMarks;
        return marks && marks.firstImage !== null && (!whole || marks.seriesCached !== null);
      },
      wholeSeries,
      { timeout, polling: 50 },
    );
    return this.marks();
  }

  preflights(): readonly Preflight[] {
    return [...this.preflightLog];
  }

  async tracedRequests(): Promise<TracedRequest[]> {
    return Promise.all(this.requests.map(traced));
  }
}

async function traced(request: Request): Promise<TracedRequest> {
  const timing = request.timing();
  const response = await request.response().catch(() => null);
  // sizes() waits for the body: asked only of finished responses, and never for long.
  const sizes =
    response && timing.responseEnd >= 0
      ? await Promise.race([
          request.sizes().catch(() => null),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000)),
        ])
      : null;
  return {
    url: new URL(request.url()),
    method: request.method(),
    start: timing.startTime,
    end: timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : NaN,
    wireBytes: sizes?.responseBodySize ?? NaN,
    contentEncoding: (await response?.headerValue('content-encoding').catch(() => null)) ?? '',
    request,
  };
}
