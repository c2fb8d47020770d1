import type { CDPSession, Page } from '@playwright/test';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';

const PATIENT = 'phantom';
/** Two studies of the phantom patient: one of several series on two PACS, one long synthetic stack. */
const STUDY_IDS = ['phantom-ct', 'phantom-synthetic-ct'] as const;
const SWITCHES = 10;
/** Listeners a switch may leave after warm-up: slack for what React or Chromium pools, not a viewer. */
const SLACK = 20;

/** JS event listeners alive in the page after a full garbage collection (DevTools' own counter). */
async function liveListeners(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const listeners = metrics.find((metric) => metric.name === 'JSEventListeners')?.value;
  if (listeners === undefined) throw new Error('Chromium reports no JSEventListeners metric.');
  return listeners;
}

/**
 * Opens a study from the list, works in it as a clinician would (a length measurement, a few images
 * on) and goes back to the list. The measurement matters: it was what kept closed viewers alive.
 */
async function visit(page: Page, study: { id: string; firstSeries: string }): Promise<void> {
  const list = new StudyListPage(page);
  await list.open(study.id);
  const viewer = new ViewerPage(page);
  await viewer.waitForImage(study.firstSeries);
  await viewer.toolbarButton('tool-length').click();
  await viewer.drag([0.3, 0.3], [0.6, 0.6]);
  await expect(viewer.viewport.getByTestId('measurement').first()).toBeVisible();
  await viewer.scroll(2);
  await page.getByRole('link', { name: '← All studies' }).click();
  await expect(list.row(study.id)).toBeVisible();
}

test('switching studies releases what each one added (event listeners do not grow)', async ({
  page,
  sandbox,
}) => {
  // Twelve visits of a study, each waiting for its first image: a long walk, not a slow one.
  test.setTimeout(240_000);
  const studies = STUDY_IDS.map((id) => {
    const firstSeries = sandbox.studies[id]?.series[0]?.uid;
    if (!firstSeries) throw new Error(`The sandbox has no ${id}.`);
    return { id, firstSeries };
  });
  await new EhrLauncherPage(page, sandbox).launch(PATIENT);
  await expect(new StudyListPage(page).count).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  // Warm-up: Cornerstone, its workers, the tool groups and the caches are made once per tab.
  for (const study of studies) await visit(page, study);
  const baseline = await liveListeners(cdp);
  const counts: number[] = [];
  for (let switches = 0; switches < SWITCHES; switches += 1) {
    const study = studies[switches % studies.length];
    if (study) await visit(page, study);
    counts.push(await liveListeners(cdp));
  }
  test.info().annotations.push({
    type: 'JSEventListeners',
    description: `after warm-up ${baseline}, after each switch ${counts.join(', ')}`,
  });
  // A leak grows with every switch (it was 28 listeners a switch); a thumbnail drawing or a request in
  // flight while the count is taken adds a few for a moment. The last three counts must all be near the
  // baseline, so one passing bump does not fail the test and no real leak passes it.
  const settled = Math.min(...counts.slice(-3));
  expect(settled - baseline, `listeners: ${baseline} → ${counts.join(', ')}`).toBeLessThan(SLACK);
});
