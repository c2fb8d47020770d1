import { join } from 'node:path';
import { writeManyFiles } from '../support/local-dicom-folder';
import { newBenchPage, type BenchContext, type BenchRow, type BenchSection } from './bench-section';

/**
 * A folder of 1,000 small DICOM files opened from disk at `/files` (no session): how long until every
 * header is read and grouped, until the first image is drawn, and how much JS heap the page peaks at
 * (the headers are read in a worker, a slice each; the files' pixels stay on disk until shown).
 */
export const section: BenchSection = { name: 'local files', run };

const FILES = 1000;
const HEAP_SAMPLE_MS = 50;

async function run(context: BenchContext): Promise<BenchRow[]> {
  const { sandbox, browser, projectRoot } = context;
  const folder = writeManyFiles(join(projectRoot, '.sandbox/bench/local-files'), FILES);
  const page = await newBenchPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    await page.goto(`${sandbox.app ?? ''}/files`);
    await page.getByTestId('local-folder-input').waitFor({ state: 'attached' });
    const heapAtStart = await usedHeap();
    let peak = heapAtStart;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await usedHeap().catch(() => 0));
        await new Promise((resolve) => setTimeout(resolve, HEAP_SAMPLE_MS));
      }
    })();

    const started = performance.now();
    await page.getByTestId('local-folder-input').setInputFiles(folder.root);
    await page.getByTestId('local-files-summary').waitFor({ timeout: 300_000 });
    const grouped = performance.now() - started;
    const summary = (await page.getByTestId('local-files-summary').textContent()) ?? '';
    await page.getByTestId('local-study').first().getByRole('button', { name: 'View' }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="viewport"][data-active="true"]')
          ?.getAttribute('data-transfer-syntax'),
      null,
      { timeout: 120_000 },
    );
    const firstImage = performance.now() - started;
    sampling = false;
    await sampler;
    const mib = (bytes: number) => bytes / 1024 / 1024;
    return [
      { metric: `open ${FILES} files → grouped`, value: grouped, unit: 'ms', note: summary.trim() },
      {
        metric: `open ${FILES} files → first image`,
        value: firstImage,
        unit: 'ms',
        note: 'grouping, then View on the first study',
      },
      {
        metric: 'JS heap of the page, peak',
        value: mib(peak),
        unit: 'MiB',
        target: '≤ 100',
        note: `${mib(heapAtStart).toFixed(1)} MiB before opening; the reading worker's heap is its own (${((FILES * 8) / 1024).toFixed(0)} MiB of pixels stay on disk)`,
      },
    ];
  } finally {
    await page.close();
  }

  async function usedHeap(): Promise<number> {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  }
}
