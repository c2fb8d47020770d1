import type { Browser } from '@playwright/test';
import type { SandboxInfo } from '../sandbox/sandbox-info';

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
