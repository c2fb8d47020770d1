import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Request } from '@playwright/test';
import type { StudyInfo } from '../../sandbox/sandbox-info';
import { newBenchPage, type BenchContext, type BenchRow, type BenchSection } from './bench-section';

/**
 * The viewer, against the sandbox PACS in Chromium, with a session already open (launched, list
 * shown): deep link → first image, the floor (that frame's raw fetch + decode in the same page),
 * whole series cached, stack scrolling rate, and the JS a launch loads before the viewer chunk.
 */
export const section: BenchSection = { name: 'viewer', run };

async function run(context: BenchContext): Promise<BenchRow[]> {
  const rows = initialJsRows(context.distDir);
  const { sandbox, browser } = context;
  const page = await newBenchPage(browser);
  try {
    const targets: { label: string; study: StudyInfo; seriesUid: string; scrollSteps: number }[] = [];
    const philips = sandbox.studies[sandbox.twoPacsStudy];
    const axial = philips?.series.find((series) => series.instances === 28);
    if (philips && axial)
      targets.push({ label: '28-slice CT', study: philips, seriesUid: axial.uid, scrollSteps: 27 });
    const synthetic = sandbox.studies['phantom-synthetic-ct'];
    const long = synthetic?.series[0];
    if (synthetic && long)
      targets.push({
        label: `${long.instances}-slice CT 512²`,
        study: synthetic,
        seriesUid: long.uid,
        scrollSteps: 100,
      });
    if (targets.length === 0) throw new Error('the sandbox has none of the benchmark series');

    await page.goto(sandbox.launcher);
    await page.getByTestId(`launch-${targets[0]?.study.patient ?? 'phantom'}`).click();
    await page.waitForURL(
      (url) => url.origin === new URL(sandbox.app ?? '').origin && !url.pathname.startsWith('/launch'),
    );
    await page.getByTestId('study-row').first().waitFor();
    // "A session already open": the list has settled (previews drawn, the viewer chunk fetched in the
    // background while idle), as when a clinician reads the list before choosing a study.
    await page.waitForLoadState('networkidle');

    for (const target of targets) {
      rows.push(...(await measureSeries(page, context, target)));
      await page.evaluate(() => {
        history.pushState({}, '', '/');
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await page.getByTestId('study-row').first().waitFor();
    }
  } finally {
    await page.close();
  }
  return rows;
}

/** The gzip size of what index.html loads at once (entry script, modulepreloads, CSS). */
function initialJsRows(distDir: string): BenchRow[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (match) => match[1] ?? '',
  );
  const gzipKb = (file: string) => gzipSync(readFileSync(join(distDir, file))).length / 1024;
  const js = assets.filter((file) => file.endsWith('.js')).reduce((sum, file) => sum + gzipKb(file), 0);
  const css = assets.filter((file) => file.endsWith('.css')).reduce((sum, file) => sum + gzipKb(file), 0);
  return [
    {
      metric: 'initial JS before the viewer chunk (gzip)',
      value: js,
      unit: 'KB',
      target: '≤ 250',
      note: `${assets.length} files`,
    },
    { metric: 'initial CSS (gzip)', value: css, unit: 'KB' },
  ];
}

interface Marks {
  firstImage: number | null;
  cached: number | null;
}

async function measureSeries(
  page: Page,
  context: BenchContext,
  target: { label: string; study: StudyInfo; seriesUid: string; scrollSteps: number },
): Promise<BenchRow[]> {
  const { label, study, seriesUid, scrollSteps } = target;
  const frameRequests: Request[] = [];
  const onRequest = (request: Request) => {
    if (request.url().includes(`/series/${seriesUid}/`) && request.url().includes('/frames/'))
      frameRequests.push(request);
  };
  page.on('request', onRequest);
  const link = `/viewer?StudyInstanceUIDs=${study.studyInstanceUid}&SeriesInstanceUID=${seriesUid}`;
  // In-app navigation, as a click on a link in the open session: marks are taken in the page.
  const marks = await page.evaluate(
    ({ link, seriesUid }) =>
      new Promise<Marks>((resolve) => {
        const start = performance.now();
        const marks: Marks = { firstImage: null, cached: null };
        const check = () => {
          const viewport = document.querySelector(`[data-testid="viewport"][data-series-uid="${seriesUid}"]`);
          if (marks.firstImage === null && viewport?.getAttribute('data-transfer-syntax'))
            marks.firstImage = performance.now() - start;
          const progress = document.querySelector(
            `[data-testid="series-thumbnail"][data-series-uid="${seriesUid}"] [data-testid="series-progress"]`,
          );
          const total = progress?.getAttribute('data-total');
          if (marks.cached === null && total && progress?.getAttribute('data-loaded') === total)
            marks.cached = performance.now() - start;
          if (marks.firstImage !== null && marks.cached !== null) {
            observer.disconnect();
            resolve(marks);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(marks);
        }, 60_000);
        history.pushState({}, '', link);
        dispatchEvent(new PopStateEvent('popstate'));
      }),
    { link, seriesUid },
  );
  page.off('request', onRequest);
  const rows: BenchRow[] = [
    {
      metric: `${label}: deep link → first image`,
      value: marks.firstImage ?? NaN,
      unit: 'ms',
      target: '≤ 500',
    },
    {
      metric: `${label}: deep link → whole series cached`,
      value: marks.cached ?? NaN,
      unit: 'ms',
      target: label.startsWith('28') ? '≤ 1000' : '',
    },
  ];
  const first = frameRequests[0];
  if (first) {
    const headers = await first.allHeaders();
    const floor = await page.evaluate(
      async ({ urls, accept, authorization }) => {
        const fetchDecode = async (url: string) => {
          const response = await fetch(url, {
            cache: 'no-store',
            headers: { Accept: accept, ...(authorization ? { Authorization: authorization } : {}) },
          });
          const bytes = new Uint8Array(await response.arrayBuffer());
          // Explicit little endian frames: "decoding" is finding the part and reading the samples.
          const text = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
          const start = text.indexOf('\r\n\r\n') + 4;
          const samples = new Int16Array(
            bytes.buffer.slice(start, start + ((bytes.length - start - 64) & ~1)),
          );
          let min = Infinity;
          for (const value of samples) if (value < min) min = value;
          return min;
        };
        const t0 = performance.now();
        await fetchDecode(urls[0] ?? '');
        const one = performance.now() - t0;
        const t1 = performance.now();
        let next = 0;
        await Promise.all(
          Array.from({ length: 6 }, async () => {
            while (next < urls.length) await fetchDecode(urls[next++] ?? '');
          }),
        );
        return { one, all: performance.now() - t1 };
      },
      {
        urls: [...new Set(frameRequests.map((request) => request.url()))],
        accept: headers.accept ?? '*/*',
        authorization: headers.authorization ?? null,
      },
    );
    rows.push(
      { metric: `${label}: floor, first frame fetch + decode`, value: floor.one, unit: 'ms' },
      { metric: `${label}: floor, every frame (6 at a time)`, value: floor.all, unit: 'ms' },
    );
  }
  const fps = await page.evaluate(
    async ({ seriesUid, steps }) => {
      const viewport = document.querySelector(`[data-testid="viewport"][data-series-uid="${seriesUid}"]`);
      if (!viewport) return NaN;
      const press = (key: string) => dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      const indexChange = () =>
        new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve();
          });
          observer.observe(viewport, { attributes: true, attributeFilter: ['data-image-index'] });
        });
      if (viewport.getAttribute('data-image-index') !== '0') {
        const changed = indexChange();
        press('Home');
        await changed;
      }
      const start = performance.now();
      for (let i = 0; i < steps; i += 1) {
        const changed = indexChange();
        press('ArrowDown');
        await changed;
        // Counted once the frame is painted.
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return (steps * 1000) / (performance.now() - start);
    },
    { seriesUid, steps: scrollSteps },
  );
  rows.push({
    metric: `${label}: stack scroll (cached, ↓ key per frame)`,
    value: fps,
    unit: 'images/s',
    target: '≥ 30',
  });
  context.log(`${label}: done`);
  return rows;
}
