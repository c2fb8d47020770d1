import { chromium, type Browser, type Page } from '@playwright/test';
import type { SandboxInfo } from '../../sandbox/sandbox-info';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium';
import { keepTrafficLocal } from '../support/keep-traffic-local';

/** One line of the results table. */
export interface BenchRow {
  metric: string;
  /** Milliseconds, kilobytes, frames per second…: whatever `unit` says. */
  value: number;
  unit: string;
  /** What the number should be at most (or at least, for rates): printed beside it, never asserted. */
  target?: string;
  note?: string;
}

export interface BenchContext {
  readonly sandbox: SandboxInfo;
  readonly browser: Browser;
  readonly projectRoot: string;
  /** The built app (dist/). */
  readonly distDir: string;
  /** The sandbox's ports start here (`BENCH_PORT_BASE`). */
  readonly portBase: number;
  readonly log: (line: string) => void;
}

/**
 * A named group of measurements. Each `e2e/bench/*-bench.ts` file exports one as `section`; main.ts
 * finds them by file name, so adding a section is adding a file.
 */
export interface BenchSection {
  readonly name: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}

/** The two nginx sites a section may run in front of the bench's sandbox, past its ports and the e2e's nginx. */
export function benchSitePorts(portBase: number): readonly [number, number] {
  return [portBase + 16, portBase + 17];
}

/** The redirect URIs of the app served on this port of the loopback, over HTTP and HTTPS. */
export function redirectUrisOf(port: number): string[] {
  return [`http://127.0.0.1:${port}/callback`, `https://127.0.0.1:${port}/callback`];
}

/** A page for a section: a laptop-sized viewport, traffic kept on this machine (by routing). */
export async function newBenchPage(browser: Browser): Promise<Page> {
  const page = await newUnroutedPage(browser);
  await keepTrafficLocal(page);
  return page;
}

/**
 * A browser whose pages keep their traffic on this machine without routing: Chromium's own resolver
 * finds no host but the loopback. For timing a launch: on a routed page every request waits for
 * Playwright's Node process to let it go, Chromium's HTTP cache is off (Playwright turns it off while
 * a page routes, microsoft/playwright#7220: a "warm" reload would fetch everything again), and
 * Playwright answers CORS preflights itself (they would not reach the servers, nor be counted).
 */
export function launchUnroutedBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    ...CHROMIUM_LAUNCH_OPTIONS,
    args: [
      ...(CHROMIUM_LAUNCH_OPTIONS.args ?? []),
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ...extraArgs,
    ],
  });
}

/** A page of its own browser context for a browser from `launchUnroutedBrowser`, laptop-sized. */
export async function newUnroutedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx compiles the sections with esbuild's keepNames: functions sent to the page call its __name.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  return page;
}
