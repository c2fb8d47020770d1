import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from '@playwright/test';
import { ViewerPage } from './pages/viewer-page';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { pearson, readUncompressedDicom, windowedGrid } from './support/dicom-reference';
import { expect, test } from './support/fixtures';

const GE_HEAD_DIR = 'sandbox/data/dicom/dcm_qa_ct-ge-head-tilt';
const GRID = 16;

/**
 * Holds back the chunk that brings Cornerstone (the renderer) until `release` is called, as a slow
 * network or a busy CPU would: what the clinician sees meanwhile is what this spec checks.
 */
async function holdRenderer(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/runtime-[^/]+\.js$/, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

const meanAbsoluteDifference = (a: readonly number[], b: readonly number[]) =>
  a.reduce((sum, value, i) => sum + Math.abs(value - (b[i] ?? 0)), 0) / a.length;

test.describe('the first image is drawn before the renderer has loaded', () => {
  test('an EHR launch into an uncompressed CT shows its first slice at once, the pixels the renderer then draws', async ({
    page,
    sandbox,
  }) => {
    const study = sandbox.studies['phantom-ge-head-ct'];
    if (!study) throw new Error('the sandbox has no phantom-ge-head-ct');
    const release = await holdRenderer(page);
    await new EhrLauncherPage(page, sandbox).launch(study.patient, { study: study.id });
    const viewer = new ViewerPage(page);

    // Drawn while the renderer is held back: nothing of Cornerstone has run.
    await expect(viewer.viewport.getByTestId('first-paint')).toBeVisible();
    await expect(viewer.viewport).toHaveAttribute('data-first-paint', 'true');
    await expect(viewer.viewport).toHaveAttribute('data-transfer-syntax', '');
    // Under the same overlay as any image: the patient's identity and the study's mismatch warning.
    await expect(viewer.viewport.getByTestId('viewport-patient-mismatch')).toBeVisible();
    // No "Loading image…" over an image that is on screen.
    await expect(viewer.viewport.getByTestId('viewport-loading')).toHaveCount(0);
    const painted = await viewer.firstPaintGrid(GRID);

    release();
    await expect(viewer.viewport).not.toHaveAttribute('data-transfer-syntax', '');
    await expect(viewer.viewport.getByTestId('first-paint')).toHaveCount(0);
    await expect(viewer.viewport).toHaveAttribute('data-first-paint', 'false');
    const { center, width } = await viewer.window();
    const rendered = await viewer.displayedGrid(GRID);

    // The same image, in the same place, through the same window as the renderer's own drawing…
    expect(pearson(painted, rendered)).toBeGreaterThan(0.99);
    expect(meanAbsoluteDifference(painted, rendered)).toBeLessThan(4);
    // …and one of the series' slices as its DICOM file holds it, through the renderer's window.
    const slices = readdirSync(GE_HEAD_DIR).map((name) => readUncompressedDicom(join(GE_HEAD_DIR, name)));
    const expected = slices
      .map((slice) => windowedGrid(slice, center, width, GRID))
      .reduce((best, grid) => (pearson(painted, grid) > pearson(painted, best) ? grid : best));
    expect(pearson(painted, expected)).toBeGreaterThan(0.98);
    expect(meanAbsoluteDifference(painted, expected)).toBeLessThan(4);
  });

  test('an enhanced CT, whose windows are per frame, waits for the renderer and says it is loading', async ({
    page,
    sandbox,
  }) => {
    const study = sandbox.studies['phantom-fragmented-jpeg'];
    if (!study) throw new Error('the sandbox has no phantom-fragmented-jpeg');
    const release = await holdRenderer(page);
    const frame = page.waitForResponse((response) => /\/frames\/\d+$/.test(new URL(response.url()).pathname));
    await new EhrLauncherPage(page, sandbox).launch(study.patient, { study: study.id });
    const viewer = new ViewerPage(page);
    await frame;
    await expect(viewer.viewport.getByTestId('viewport-loading')).toBeVisible();
    await expect(viewer.viewport.getByTestId('first-paint')).toHaveCount(0);
    await expect(viewer.viewport).toHaveAttribute('data-first-paint', 'false');
    release();
    await expect(viewer.viewport).not.toHaveAttribute('data-transfer-syntax', '');
  });
});
