import type { Request } from '@playwright/test';
import { MANY_SERIES_STUDY_ID } from '../../sandbox/data/many-series-patient';
import { newBenchPage, type BenchContext, type BenchRow, type BenchSection } from './bench-section';

/**
 * The 2,000-series study (one small image per series), opened from the patient's list in a fresh
 * session each run: first image of the first series, the longest main-thread task and the requests
 * sent in the first 10 s; then the same for a one-series study, to tell what the size costs from what
 * opening the viewer costs (WebGL context, codecs, first render). Median and range over RUNS.
 */
export const section: BenchSection = { name: 'many-series', run };

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WINDOW_MS = 10_000;

interface Run {
  firstImage: number;
  longestTask: number;
  requests: number;
  metadata: number;
  frames: number;
  thumbnails: number;
}

/** The same measurement for a one-series study: what opening the viewer costs whatever its size. */
const CONTROL_STUDY_ID = 'phantom-synthetic-cr';

async function run(context: BenchContext): Promise<BenchRow[]> {
  return [
    ...(await measure(context, MANY_SERIES_STUDY_ID, '2,000 series', true)),
    ...(await measure(context, CONTROL_STUDY_ID, '1 series (control)', false)),
  ];
}

async function measure(
  context: BenchContext,
  studyId: string,
  label: string,
  withTargets: boolean,
): Promise<BenchRow[]> {
  const study = context.sandbox.studies[studyId];
  if (!study) throw new Error(`the sandbox has no ${studyId}`);
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    runs.push(await once(context, study.patient, study.studyInstanceUid, study.series[0]?.uid ?? ''));
    context.log(`${label} run ${i + 1}: ${JSON.stringify(runs.at(-1))}`);
  }
  const last = runs.at(-1);
  const target = (text: string) => (withTargets ? text : '');
  return [
    row(`${label}: open → first image`, runs, (r) => r.firstImage, 'ms', target('≤ 1000')),
    row(`${label}: longest main-thread task (first 10 s)`, runs, (r) => r.longestTask, 'ms', target('≤ 100')),
    row(
      `${label}: requests in the first 10 s`,
      runs,
      (r) => r.requests,
      '',
      target('on screen + prefetch'),
      last
        ? `last run: ${last.metadata} metadata, ${last.frames} frames; ${last.thumbnails} thumbnails mounted + 1 viewport`
        : '',
    ),
  ];
}

function row(
  metric: string,
  runs: readonly Run[],
  pick: (run: Run) => number,
  unit: string,
  target: string,
  extra = '',
): BenchRow {
  const values = runs.map(pick).sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)] ?? NaN;
  const range = `${Math.round(values[0] ?? NaN)}–${Math.round(values.at(-1) ?? NaN)} over ${values.length} runs`;
  return { metric, value: median, unit, target, note: extra ? `${range}; ${extra}` : range };
}

async function once(
  context: BenchContext,
  patient: string,
  studyUid: string,
  firstSeries: string,
): Promise<Run> {
  const { sandbox, browser } = context;
  const page = await newBenchPage(browser);
  try {
    await page.goto(sandbox.launcher);
    await page.getByTestId(`launch-${patient}`).click();
    await page.waitForURL(
      (url) => url.origin === new URL(sandbox.app ?? '').origin && !url.pathname.startsWith('/launch'),
    );
    await page.getByTestId('study-row').first().waitFor();
    await page.waitForLoadState('networkidle');

    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    const link = `/viewer?StudyInstanceUIDs=${studyUid}&SeriesInstanceUID=${firstSeries}`;
    // In-app navigation, as a click on the row's link: marks and long tasks are taken in the page.
    const marks = await page.evaluate(
      ({ link, firstSeries, windowMs }) =>
        new Promise<{ firstImage: number; longestTask: number; thumbnails: number }>((resolve) => {
          const start = performance.now();
          let firstImage = NaN;
          let longestTask = 0;
          const tasks = new PerformanceObserver((list) => {
            for (const entry of list.getEntries())
              if (entry.startTime >= start) longestTask = Math.max(longestTask, entry.duration);
          });
          tasks.observe({ type: 'longtask', buffered: true });
          const check = () => {
            const viewport = document.querySelector(
              `[data-testid="viewport"][data-series-uid="${firstSeries}"]`,
            );
            if (Number.isNaN(firstImage) && viewport?.getAttribute('data-transfer-syntax'))
              firstImage = performance.now() - start;
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          setTimeout(() => {
            observer.disconnect();
            // Tasks that ended just now are delivered on the next turn.
            setTimeout(() => {
              tasks.disconnect();
              const thumbnails = document.querySelectorAll('[data-testid="series-thumbnail"]').length;
              resolve({ firstImage, longestTask, thumbnails });
            }, 50);
          }, windowMs);
          history.pushState({}, '', link);
          dispatchEvent(new PopStateEvent('popstate'));
        }),
      { link, firstSeries, windowMs: WINDOW_MS },
    );
    const urls = requests.map((request) => request.url());
    return {
      ...marks,
      requests: urls.length,
      metadata: urls.filter((url) => url.endsWith('/metadata')).length,
      frames: urls.filter((url) => url.includes('/frames/')).length,
    };
  } finally {
    await page.close();
  }
}
