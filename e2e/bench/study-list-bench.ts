import type { Page } from '@playwright/test';
import { GENERATED_PATIENT_ID } from '../../sandbox/data/generated-patient';
import { newBenchPage, type BenchContext, type BenchRow, type BenchSection } from './bench-section';

/**
 * The study list of the 1,000-study patient, in Chromium against the sandbox: how many FHIR requests
 * the list costs, how soon after the token the first rows show, how long until every page is in, and
 * how smoothly the virtualised list scrolls from top to bottom while previews load.
 */
export const section: BenchSection = { name: 'study list', run };

/** Pixels per animation frame: a brisk fling (~23 rows a second at 60 Hz would be 1 px; this is ~5 rows). */
const SCROLL_STEP_PX = 380;

interface ListMarks {
  tokenAt: number | null;
  firstRowAt: number | null;
  completeAt: number | null;
}

async function run(context: BenchContext): Promise<BenchRow[]> {
  const { sandbox, browser } = context;
  const page = await newBenchPage(browser);
  try {
    // Marks are taken inside the page, by a MutationObserver that every document of the launch gets.
    await page.addInitScript({ content: `(${observeListMarks.toString()})();` });
    const fhirRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${sandbox.fhir}/`)) fhirRequests.push(request.url());
    });

    await page.goto(sandbox.launcher);
    await page.getByTestId(`launch-${GENERATED_PATIENT_ID}`).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="study-count"][data-complete="true"]'),
      null,
      {
        timeout: 120_000,
      },
    );
    const marks = await page.evaluate(() => {
      const token = performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.includes('/token')) as PerformanceResourceTiming | undefined;
      const recorded = (window as unknown as { __listMarks: ListMarks }).__listMarks;
      return { ...recorded, tokenAt: token ? token.responseEnd : null };
    });
    const total = Number(await page.getByTestId('study-count').getAttribute('data-total'));
    const searches = fhirRequests.filter((url) => new URL(url).pathname.endsWith('/ImagingStudy'));
    const since = (at: number | null) => (at === null || marks.tokenAt === null ? NaN : at - marks.tokenAt);

    // The first screen's previews (and with them the Cornerstone chunk) load before the fling: the
    // fling measures scrolling, not the one-off parse of the codecs.
    await page.waitForLoadState('networkidle');
    const scroll = await measureScroll(page, sandbox.pacs.a);
    const withImages = Object.values(sandbox.studies).filter(
      (study) => study.patient === GENERATED_PATIENT_ID,
    );
    return [
      { metric: `studies listed (patient "${GENERATED_PATIENT_ID}")`, value: total, unit: '' },
      {
        metric: 'FHIR requests for the list',
        value: fhirRequests.length,
        unit: '',
        note: `${searches.length} ImagingStudy pages (_count=50, _include=ImagingStudy:endpoint); the rest: Patient, discovery`,
      },
      { metric: 'token → first rows', value: since(marks.firstRowAt), unit: 'ms', target: '≤ 1000' },
      { metric: 'token → all pages', value: since(marks.completeAt), unit: 'ms' },
      {
        metric: 'scroll top → bottom: frame rate',
        value: scroll.fps,
        unit: 'fps',
        target: '≥ 50',
        note: `${scroll.frames} frames, longest ${scroll.longestFrameMs.toFixed(0)} ms, ${SCROLL_STEP_PX} px/frame`,
      },
      {
        metric: 'scroll top → bottom: rows in the DOM (max)',
        value: scroll.maxRows,
        unit: 'rows',
        note: 'virtualised',
      },
      {
        metric: 'previews asked for during the fling',
        value: scroll.previewRequests,
        unit: 'requests',
        note: `instance metadata on pacs-a; ${withImages.length} of the studies have images`,
      },
    ];
  } finally {
    await page.close();
  }
}

/** Runs in the page (serialised): records when the first row and the complete list appear. */
function observeListMarks(): void {
  const marks: ListMarks = { tokenAt: null, firstRowAt: null, completeAt: null };
  (window as unknown as { __listMarks: ListMarks }).__listMarks = marks;
  const check = () => {
    if (marks.firstRowAt === null && document.querySelector('[data-testid="study-row"]'))
      marks.firstRowAt = performance.now();
    if (
      marks.completeAt === null &&
      document.querySelector('[data-testid="study-count"][data-complete="true"]')
    )
      marks.completeAt = performance.now();
    if (marks.firstRowAt !== null && marks.completeAt !== null) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  const start = () => observer.observe(document, { subtree: true, childList: true, attributes: true });
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
}

async function measureScroll(page: Page, pacsA: string) {
  let previewRequests = 0;
  const onRequest = (request: { url(): string }) => {
    if (request.url().startsWith(pacsA) && request.url().endsWith('/metadata')) previewRequests += 1;
  };
  page.on('request', onRequest);
  const result = await page.evaluate(async (step) => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="study-list-scroller"]');
    if (!scroller) throw new Error('no study list scroller');
    scroller.scrollTop = 0;
    const frameTimes: number[] = [];
    let maxRows = 0;
    await new Promise<void>((resolve) => {
      let last = performance.now();
      const frame = (now: number) => {
        frameTimes.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, scroller.querySelectorAll('[data-testid="study-row"]').length);
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return resolve();
        scroller.scrollTop += step;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const intervals = frameTimes.slice(1);
    const elapsed = intervals.reduce((sum, value) => sum + value, 0);
    return {
      frames: intervals.length,
      fps: (intervals.length * 1000) / elapsed,
      longestFrameMs: Math.max(...intervals),
      maxRows,
    };
  }, SCROLL_STEP_PX);
  // Let in-flight preview requests settle before counting what the fling asked for.
  await page.waitForLoadState('networkidle');
  page.off('request', onRequest);
  return { ...result, previewRequests };
}
