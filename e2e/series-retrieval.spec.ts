import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from '@playwright/test';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { ViewerPage } from './pages/viewer-page';
import { filesInSliceOrder, pearson, readUncompressedDicom, windowedGrid } from './support/dicom-reference';
import { expect, test } from './support/fixtures';
import { geHeadCtSeries, philipsAxialSeries } from './support/sandbox-studies';
import type { SandboxInfo } from '../sandbox/sandbox-info';
import { StudyListPage } from './pages/study-list-page';

const GE_HEAD_DIR = 'sandbox/data/dicom/dcm_qa_ct-ge-head-tilt';
const PHILIPS_AXIAL_DIR = 'sandbox/data/dicom/dcm_qa_ct-philips-S21570/S2010';
const GRID = 16;

/** Every request for the series' frames and for the whole series (Retrieve Series), as sent. */
function countRequests(page: Page, seriesUid: string) {
  const counts = { frames: 0, wholeSeries: 0 };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(`/series/${seriesUid}`)) counts.wholeSeries += 1;
    else if (path.includes(`/series/${seriesUid}/`) && path.includes('/frames/')) counts.frames += 1;
  });
  return counts;
}

/** The whole series in memory, nothing failed, and slices across it are their own files' pixels. */
async function expectWholeSeriesRight(
  viewer: ViewerPage,
  seriesUid: string,
  count: number,
  folder = GE_HEAD_DIR,
) {
  const progress = viewer.thumbnail(seriesUid).getByTestId('series-progress');
  await expect(progress).toHaveAttribute('data-loaded', String(count), { timeout: 30_000 });
  await expect(progress).toHaveAttribute('data-failed', '0');
  const files = filesInSliceOrder(readdirSync(folder).map((name) => join(folder, name)));
  const images = files.map(readUncompressedDicom);
  await viewer.viewport.click();
  for (const [key, index] of [
    ['Home', 0],
    ['End', count - 1],
  ] as const) {
    await viewer.press(key);
    await viewer.waitForImage(seriesUid, index);
    await expectSlice(viewer, images, index);
  }
  await viewer.scroll(-13);
  const index = await viewer.imageIndex();
  await viewer.waitForImage(seriesUid, index);
  await expectSlice(viewer, images, index);
}

async function expectSlice(
  viewer: ViewerPage,
  images: readonly ReturnType<typeof readUncompressedDicom>[],
  index: number,
) {
  const { center, width } = await viewer.window();
  const shown = await viewer.displayedGrid(GRID);
  const scores = images.map((image) => pearson(shown, windowedGrid(image, center, width, GRID)));
  expect(scores[index], `correlation with slice ${index}`).toBeGreaterThan(0.95);
  expect(scores.indexOf(Math.max(...scores)), 'the best-matching slice').toBe(index);
}

/**
 * The GE head CT opened from the EHR, its series request answered by `seriesAnswer` if given (else by
 * the PACS): the whole series must load with each slice its own pixels and no error on screen.
 */
async function launchIntoGeHead(
  page: Page,
  sandbox: SandboxInfo,
  seriesAnswer?: (route: Route) => Promise<void>,
) {
  const { study, series } = geHeadCtSeries(sandbox);
  const requests = countRequests(page, series.uid);
  if (seriesAnswer) await page.route(`${sandbox.pacs.a}/studies/*/series/${series.uid}`, seriesAnswer);
  await new EhrLauncherPage(page, sandbox).launch(study.patient, { study: study.id });
  const viewer = new ViewerPage(page);
  await viewer.waitForImage(series.uid, 0);
  await expectWholeSeriesRight(viewer, series.uid, series.instances);
  await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
  return { requests, slices: series.instances };
}

test.describe('a series comes in one request for the whole series, opened from the EHR or in the viewer', () => {
  test('its frames come with the series, not one request each, and each slice is its own pixels', async ({
    page,
    sandbox,
  }) => {
    const { requests, slices } = await launchIntoGeHead(page, sandbox);
    expect(requests.wholeSeries).toBe(1);
    // The first image's own frame, and those the renderer asked for before the series brought them
    // (the PACS sends instances in its own order): far fewer than one a slice.
    expect(requests.frames).toBeLessThan(slices / 2);
  });

  test('a PACS that will not send a whole series: the frames come one by one, all of them', async ({
    page,
    sandbox,
  }) => {
    const { requests, slices } = await launchIntoGeHead(page, sandbox, (route) =>
      route.fulfill({ status: 406, contentType: 'application/json', body: '{"error":"not acceptable"}' }),
    );
    expect(requests.wholeSeries).toBe(1);
    expect(requests.frames).toBeGreaterThanOrEqual(slices);
  });

  test('an answer that breaks off part-way: what it brought is used, the rest comes frame by frame', async ({
    page,
    sandbox,
  }) => {
    const { requests, slices } = await launchIntoGeHead(page, sandbox, async (route) => {
      const answer = await route.fetch();
      const body = await answer.body();
      // Cut in the middle of an instance, about 40 % of the way: no closing boundary.
      await route.fulfill({ response: answer, body: body.subarray(0, Math.floor(body.length * 0.4) + 1001) });
    });
    expect(requests.frames).toBeGreaterThan(slices / 2);
    expect(requests.frames).toBeLessThan(slices);
  });

  test('a series chosen in the viewer, the renderer running, comes in one request too', async ({
    page,
    sandbox,
  }) => {
    const { study, axial } = philipsAxialSeries(sandbox);
    const requests = countRequests(page, axial.uid);
    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
    await expect(viewer.viewport).toHaveAttribute('data-transfer-syntax', /\d/);
    await viewer.thumbnail(axial.uid).click();
    await viewer.waitForImage(axial.uid, 0);
    await expectWholeSeriesRight(viewer, axial.uid, axial.instances, PHILIPS_AXIAL_DIR);
    expect(requests.wholeSeries).toBe(1);
    expect(requests.frames).toBeLessThan(axial.instances / 2);
  });
});
