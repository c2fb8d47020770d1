import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import type { SandboxProcess, startSandboxProcess as StartSandbox } from '../support/sandbox-process';
import { launchUnroutedBrowser, newUnroutedPage } from './bench-section';
import { loadAverage, median, rangeNote } from './bench-stats';
import { MARKS_SCRIPT, type PageMarks } from './launch-trace';

/**
 * `npm run bench:ab -- <checkout A> <checkout B>`: the EHR launch of two builds of the viewer, launched
 * alternately in one browser (A, B, then B, A…), each from its own sandbox started from its own
 * checkout (a `git worktree` of the other commit, built with `npx vite build` in it). Runs minutes
 * apart, as two `npm run bench` are, meet different loads on a shared machine; alternate launches meet
 * the same. Prints click → first paint, token → first paint, click → the renderer's image, click → the
 * shown series all in memory (its thumbnail's progress; `AB_RELOADS=0` for no reloads) and, in the
 * same tab, a reload of the session (warm, then cold HTTP cache) → first image, medians and ranges over
 * `AB_ROUNDS` launches each (12 by default), for `AB_STUDY` (the GE head CT by default). Images are
 * timed as the bench times them (launch-trace.ts: once the frame showing them is produced), by the
 * page, not by either build's own marks.
 */
const ROUNDS = Number(process.env.AB_ROUNDS ?? 12);
const STUDY = process.env.AB_STUDY ?? 'phantom-ge-head-ct';
/** Each checkout's sandbox on ports of its own, away from the bench's (4600) and the e2e setup's. */
const PORT_BASE = 4750;
/** `AB_RELOADS=0` leaves out the reloads (a long series makes each reload wait for it). */
const RELOADS = process.env.AB_RELOADS !== '0';

interface Launch {
  clickToPaint: number;
  tokenToPaint: number;
  clickToRenderer: number;
  /** Click → every image of the shown series in memory (its thumbnail's progress full). */
  clickToSeries: number;
  /** The open session reloaded in the same tab: navigation → first image, warm then cold HTTP cache. */
  reloadWarm: number;
  reloadCold: number;
}

/** The page's marks (launch-trace.ts), once `ready` holds of them. */
async function marksWhen(page: Page, ready: string, timeout: number): Promise<PageMarks> {
  await page.waitForFunction(
    (condition) => {
      const marks = (window as unknown as { __benchMarks?: Record<string, unknown> }).__benchMarks;
      return marks !== undefined && condition.split('&&').every((name) => marks[name.trim()] !== null);
    },
    ready,
    { timeout, polling: 50 },
  );
  return page.evaluate(() => (window as unknown as { __benchMarks: PageMarks }).__benchMarks);
}

/** The first image on screen: the first paint, or the renderer's image if it came first (or alone). */
const firstOnScreen = (marks: PageMarks) =>
  Math.min(marks.firstPaint ?? Infinity, marks.firstImage ?? Infinity);

async function startSandboxOf(checkout: string, index: number): Promise<SandboxProcess> {
  const module = pathToFileURL(`${checkout}/e2e/support/sandbox-process.ts`).href;
  // That checkout's own sandbox code: it serves that checkout's dist/.
  const { startSandboxProcess } = (await import(module)) as { startSandboxProcess: typeof StartSandbox };
  return startSandboxProcess({ portBase: PORT_BASE + index * 50, sandboxDir: `.sandbox/ab-${index}` });
}

async function launch(browser: Browser, sandbox: SandboxProcess): Promise<Launch> {
  // A fresh context per launch (a page of its own browser context), unrouted, as the bench's launches.
  const page = await newUnroutedPage(browser);
  try {
    await page.addInitScript({ content: MARKS_SCRIPT });
    await page.goto(sandbox.info.launcher);
    const study = sandbox.info.studies[STUDY];
    if (!study) throw new Error(`ab-launch: the sandbox has no study ${STUDY}`);
    const clicked = Date.now();
    await page.getByTestId(`launch-${study.patient}-study-${study.id}`).click();
    const shown = await marksWhen(page, 'firstImage', 30_000);
    const token = await page.evaluate(() => {
      const response = performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.endsWith('/token')) as PerformanceResourceTiming | undefined;
      return performance.timeOrigin + (response?.responseEnd ?? Number.NaN);
    });
    const firstImage = firstOnScreen(shown);
    const inMemory = await marksWhen(page, 'seriesCached', 120_000);
    const reloadWarm = RELOADS ? await reloadToFirstImage(page, false) : Number.NaN;
    const reloadCold = RELOADS ? await reloadToFirstImage(page, true) : Number.NaN;
    return {
      clickToPaint: firstImage - clicked,
      tokenToPaint: firstImage - token,
      clickToRenderer: (shown.firstImage ?? Number.NaN) - clicked,
      clickToSeries: (inMemory.seriesCached ?? Number.NaN) - clicked,
      reloadWarm,
      reloadCold,
    };
  } finally {
    await page.close();
  }
}

/**
 * Reloads the open session (the bench's reload rows): ms from the navigation (`performance.timeOrigin`,
 * so the old page's unload counts) to the first image on screen.
 */
async function reloadToFirstImage(page: Page, coldCache: boolean): Promise<number> {
  // As the bench's reload rows: the page done with its series first, not torn down in the middle of it.
  await page.waitForLoadState('networkidle');
  if (coldCache) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
  }
  await page.reload();
  const marks = await marksWhen(page, 'firstImage', 30_000);
  return firstOnScreen(marks) - (await page.evaluate(() => performance.timeOrigin));
}

async function main(): Promise<void> {
  const checkouts = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  if (checkouts.length !== 2) throw new Error('usage: npm run bench:ab -- <checkout A> <checkout B>');
  const sandboxes: SandboxProcess[] = [];
  const launches: Launch[][] = [[], []];
  const loads: number[] = [];
  let browser: Browser | null = null;
  try {
    for (const [index, checkout] of checkouts.entries())
      sandboxes.push(await startSandboxOf(checkout, index));
    browser = await launchUnroutedBrowser();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const sandbox = sandboxes[index];
        if (sandbox) launches[index]?.push(await launch(browser, sandbox));
      }
      loads.push(loadAverage());
    }
  } finally {
    await browser?.close();
    for (const sandbox of sandboxes) await sandbox.stop();
  }
  const figure = (runs: Launch[], key: keyof Launch) => {
    const values = runs.map((run) => run[key]);
    return `${Math.round(median(values))} ms (${rangeNote(values)})`;
  };
  for (const [index, checkout] of checkouts.entries()) {
    const runs = launches[index] ?? [];
    console.log(
      `${checkout}: click → first image ${figure(runs, 'clickToPaint')}; token → first image ${figure(runs, 'tokenToPaint')}; click → renderer ${figure(runs, 'clickToRenderer')}; click → series in memory ${figure(runs, 'clickToSeries')}; reload → first image, warm ${figure(runs, 'reloadWarm')}, cold ${figure(runs, 'reloadCold')}`,
    );
  }
  console.log(`${STUDY}, ${ROUNDS} launches each, load ${rangeNote(loads)}`);
}

await main();
