import type { Browser, Page } from '@playwright/test';
import type { SandboxInfo } from '../../sandbox/sandbox-info';
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

/** A page for a section: a laptop-sized viewport, traffic kept on this machine. */
export async function newBenchPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx compiles the sections with esbuild's keepNames: functions sent to the page call its __name.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await keepTrafficLocal(page);
  return page;
}
