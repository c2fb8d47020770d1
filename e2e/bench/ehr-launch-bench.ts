import type { Browser, Page } from '@playwright/test';
import type { StudyInfo } from '../../sandbox/sandbox-info';
import {
  launchUnroutedBrowser,
  newUnroutedPage,
  type BenchContext,
  type BenchRow,
  type BenchSection,
} from './bench-section';
import { benchRuns, loadAverage } from './bench-stats';
import { LaunchTrace, type TracedRequest } from './launch-trace';
import { rowsOf, type LaunchRun } from './ehr-launch-rows';
import { launchFigures, originsOf, type LaunchFigures } from './launch-waterfall';

/**
 * The clinician's path: a click in the EHR that opens a study (launcher → /launch → authorize →
 * /callback → viewer → first image), in a fresh browser context each run, for the 28-slice GE head CT
 * and the 300-slice CT, interleaved. Then, in the same tab, a reload of the open session with a warm
 * and a cold HTTP cache. Reported: the critical path's waterfall, the JS loaded before the first
 * DICOMweb request, CORS preflights, and the whole series against floors measured in the same page
 * (plain fetches of the series' frames, and of the series in one request). Median and range over BENCH_RUNS (default 7) runs, with the load
 * average: on a shared machine every figure is an upper bound.
 *
 * The tab does not route requests (bench-section.ts, `launchUnroutedBrowser`): traffic stays on this
 * machine through Chromium's host resolver instead.
 */
export const section: BenchSection = { name: 'ehr-launch', run };

interface Target {
  readonly label: string;
  readonly studyId: string;
  /** The waterfall, bytes and reloads are reported for the first target only (the path is the same). */
  readonly detailed: boolean;
}

const TARGETS: readonly Target[] = [
  { label: '28-slice GE head CT', studyId: 'phantom-ge-head-ct', detailed: true },
  { label: '300-slice CT', studyId: 'phantom-synthetic-ct', detailed: false },
];

async function run(context: BenchContext): Promise<BenchRow[]> {
  const runs = benchRuns();
  const browser = await launchUnroutedBrowser();
  const results = new Map<Target, LaunchRun[]>(TARGETS.map((target) => [target, []]));
  try {
    for (let i = 0; i < runs; i += 1)
      for (const target of TARGETS) {
        const study = context.sandbox.studies[target.studyId];
        if (!study) throw new Error(`the sandbox has no ${target.studyId}`);
        const result = await once(context, browser, study, target.detailed);
        results.get(target)?.push(result);
        context.log(
          `${target.label} run ${i + 1}/${runs}: first image ${result.launch.firstImage.toFixed(0)} ms, ` +
            `whole series ${result.launch.wholeSeries.toFixed(0)} ms (floor ${result.floorMs.toFixed(0)}), load ${result.load.toFixed(1)}`,
        );
      }
  } finally {
    await browser.close();
  }
  return TARGETS.flatMap((target) => rowsOf(target, results.get(target) ?? [], context.distDir));
}

async function once(
  context: BenchContext,
  browser: Browser,
  study: StudyInfo,
  reloads: boolean,
): Promise<LaunchRun> {
  const { sandbox, distDir } = context;
  const origins = originsOf(sandbox);
  const page = await newUnroutedPage(browser);
  try {
    const trace = await LaunchTrace.attach(page);
    await page.goto(sandbox.launcher);
    trace.reset();
    const load = loadAverage();
    await page.getByTestId(`launch-${study.patient}-study-${study.id}`).click();
    const marks = await trace.waitForMarks(true);
    const requests = await trace.tracedRequests();
    const t0 =
      requests.find((r) => r.url.origin === origins.app && r.url.pathname === '/launch')?.start ?? NaN;
    const launch = launchFigures({ t0, requests, preflights: trace.preflights(), marks, origins, distDir });
    // The series' frames listed once (QIDO-RS), for the three floors.
    const floor = await floorRequestOf(launch.frameRequests);
    const floorMs = floor ? await fetchAllIn(page, floor) : NaN;
    const freshFloorMs = floor ? await measureFreshFloor(browser, origins.app, floor) : NaN;
    const seriesFloorMs = floor ? await measureSeriesFloor(page, floor) : NaN;
    if (!reloads)
      return { load, launch, floorMs, freshFloorMs, seriesFloorMs, reloadWarm: null, reloadCold: null };

    const reload = async (cold: boolean): Promise<LaunchFigures> => {
      trace.reset();
      if (cold) await trace.clearHttpCache();
      await page.reload();
      const marks = await trace.waitForMarks(false);
      const requests = await trace.tracedRequests();
      const t0 = requests.find((r) => r.request.resourceType() === 'document')?.start ?? NaN;
      return launchFigures({ t0, requests, preflights: trace.preflights(), marks, origins, distDir });
    };
    const reloadWarm = await reload(false);
    const reloadCold = await reload(true);
    return { load, launch, floorMs, freshFloorMs, seriesFloorMs, reloadWarm, reloadCold };
  } finally {
    await page.context().close();
  }
}

/**
 * The series' frames fetched plainly (same headers, 6 at a time, no cache) from a fresh browser
 * context on the app's origin (a page of it, not the app), as `fetchAllIn` does in the app's: nothing is
 * cached there, neither the responses nor Chromium's per-URL CORS preflights nor the connections, so
 * every frame URL costs its preflight as it did the app. The same-page floor reuses the preflights the
 * app paid for; this one is what the network asks of any page of that origin.
 */
async function measureFreshFloor(
  browser: Browser,
  appOrigin: string,
  request: FloorRequest,
): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${appOrigin}/app-config.json`);
    return await fetchAllIn(page, request);
  } finally {
    await context.close();
  }
}

/** The whole series in one Retrieve Series request (as stored), fetched plainly from the same page. */
async function measureSeriesFloor(page: Page, request: FloorRequest): Promise<number> {
  const seriesUrl = seriesUrlOf(request.urls[0] ?? '');
  if (!seriesUrl) return NaN;
  return fetchAllIn(page, {
    urls: [seriesUrl],
    accept: 'multipart/related; type="application/dicom"; transfer-syntax=*',
    authorization: request.authorization,
  });
}

interface FloorRequest {
  readonly urls: readonly string[];
  readonly accept: string;
  readonly authorization: string | null;
}

const seriesUrlOf = (frameUrl: string) =>
  /^(.*\/studies\/[0-9.]+\/series\/[0-9.]+)\//.exec(frameUrl)?.[1] ?? null;

/**
 * Every frame of the shown series (the app may fetch most of them in one series request, so the
 * frame URLs it sent are not all of them): the instances listed by QIDO-RS, with the headers of the
 * app's first frame request.
 */
async function floorRequestOf(frames: readonly TracedRequest[]): Promise<FloorRequest | null> {
  const first = frames[0];
  const seriesUrl = first ? seriesUrlOf(first.url.href) : null;
  if (!first || !seriesUrl) return null;
  const headers = await first.request.allHeaders();
  const authorization = headers.authorization ?? null;
  const listed = await fetch(`${seriesUrl}/instances?includefield=00080018`, {
    headers: { Accept: 'application/dicom+json', ...(authorization ? { Authorization: authorization } : {}) },
  });
  const instances = (await listed.json()) as { '00080018'?: { Value?: string[] } }[];
  const urls = instances.flatMap((instance) => {
    const uid = instance['00080018']?.Value?.[0];
    return uid ? [`${seriesUrl}/instances/${uid}/frames/1`] : [];
  });
  return { urls, accept: headers.accept ?? '*/*', authorization };
}

function fetchAllIn(page: Page, request: FloorRequest): Promise<number> {
  return page.evaluate(async ({ urls, accept, authorization }) => {
    const start = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < urls.length) {
          const url = urls[next++] ?? '';
          const response = await fetch(url, {
            cache: 'no-store',
            headers: { Accept: accept, ...(authorization ? { Authorization: authorization } : {}) },
          });
          await response.arrayBuffer();
        }
      }),
    );
    return performance.now() - start;
  }, request);
}
