import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { fault, resetFaults } from './support/fault-controls';
import { expect, test } from './support/fixtures';
import { holdSyntheticCtMiddle, philipsAxialSeries, syntheticCtSeries } from './support/sandbox-studies';

/** An image server that is slow or gone for a while, expressed with `page.route` over the real pacs-a. */
test.describe('an image server that falters is never silent, and the viewer recovers', () => {
  test('a slow image names its server while the viewer waits, then shows', async ({ page, sandbox }) => {
    const { study, axial } = philipsAxialSeries(sandbox);
    const pacs = new URL(sandbox.pacs.a).origin;
    // Every frame of the axial series is slow until the waiting has been seen (the thumbnail's, an early
    // fetch's and the viewport's alike: which of them goes first is the viewer's business).
    let slow = true;
    await page.route(
      `${sandbox.pacs.a}/studies/*/series/${axial.uid}/instances/*/frames/*`,
      async (route) => {
        // Well past the server-wait notice (SLOW_REQUEST_NOTICE_MS, 3 s).
        if (slow) await new Promise((resolve) => setTimeout(resolve, 8_000));
        await route.continue();
      },
    );
    const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
    await viewer.thumbnail(axial.uid).click();

    // At once the viewport says an image is on its way; after a few seconds, whom it waits for.
    const loading = viewer.viewport.getByTestId('viewport-loading');
    await expect(loading).toBeVisible({ timeout: 2_000 });
    await expect(page.getByTestId('server-wait')).toContainText(`Waiting for the image server at ${pacs}`);
    await expect(loading).toBeVisible();
    slow = false;
    await viewer.waitForImage(axial.uid);
    await expect(loading).toHaveCount(0);
    await expect(viewer.viewport).toHaveAttribute('data-transfer-syntax', /\d/);
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
  });

  test('an image that failed while the server was down shows once it is back, and its error goes', async ({
    page,
    sandbox,
  }) => {
    const { study, axial } = philipsAxialSeries(sandbox);
    const frames = `${sandbox.pacs.a}/studies/*/series/${axial.uid}/instances/*/frames/*`;
    await page.route(frames, (route) => route.abort('connectionrefused'));
    const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
    await viewer.thumbnail(axial.uid).click();
    await expect(viewer.viewport.getByTestId('viewport-error')).toContainText(
      `The image server at ${new URL(sandbox.pacs.a).origin} could not be reached.`,
    );

    // The server is back: moving through the stack asks again, and what loads replaces the error.
    await page.unroute(frames);
    await viewer.viewport.click();
    await viewer.press('ArrowDown');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '1');
    await viewer.press('ArrowUp');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '0');
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
    await expect(viewer.viewport).toHaveAttribute('data-transfer-syntax', /\d/);
  });

  test('a series whose metadata could not be had offers Retry, and Retry shows it once the server is back', async ({
    page,
    sandbox,
  }) => {
    const { study, axial } = philipsAxialSeries(sandbox);
    const metadata = `${sandbox.pacs.a}/studies/*/series/${axial.uid}/metadata`;
    await page.route(metadata, (route) => route.abort('connectionrefused'));
    const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
    await viewer.thumbnail(axial.uid).click();
    await expect(viewer.viewport.getByTestId('viewport-error')).toContainText('could not be reached');

    await page.unroute(metadata);
    await viewer.viewport.getByTestId('viewport-retry').click();
    await viewer.waitForImage(axial.uid);
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
    await expect(viewer.viewport.getByTestId('viewport-retry')).toHaveCount(0);
  });
});

/**
 * The same faults caused in the real pacs-a gateway by the sandbox's fault controls, after the first
 * image. The 300-slice CT's frames between its ends are held back until the fault is in place, so the
 * prefetch meets it and the slices looked at are not in the cache yet, however fast the machine.
 */
test.describe('a PACS that slows down or stops mid-series: the viewer says so, goes on, and recovers', () => {
  test.afterEach(({ sandbox }) => resetFaults(sandbox));

  test('a slow image after the first: loading at once, then the server named; keys move on meanwhile', async ({
    page,
    sandbox,
  }) => {
    const { study, series } = syntheticCtSeries(sandbox);
    const middle = await holdSyntheticCtMiddle(page, sandbox, series);
    const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
    await viewer.waitForImage(series.uid, 0);
    await fault(sandbox, `slow-frames?pacs=a&delayMs=6000&match=${series.uid}`);
    middle.release();

    await viewer.press('End');
    const position = viewer.viewport.getByTestId('overlay-image-index');
    await expect(position).toHaveText('Im 300/300');
    const loading = viewer.viewport.getByTestId('viewport-loading');
    await expect(loading).toBeVisible({ timeout: 2_000 });
    await expect(viewer.viewport).toHaveAttribute('data-image-pending', 'true');
    await expect(viewer.viewport.getByTestId('viewport-waiting-for')).toHaveText(
      `Waiting for the image server at ${new URL(sandbox.pacs.a).origin}…`,
    );
    // The previous image's pixels are not left under the new position's number.
    await expect(viewer.viewport.getByTestId('viewport-element')).toHaveCSS('opacity', '0');

    // Keys still move through the stack, and the viewport still says it is loading.
    await viewer.press('ArrowUp');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '298');
    await expect(position).toHaveText('Im 299/300');
    await expect(loading).toBeVisible();

    // The pixels come: the image at the current position shows, and nothing is left over it.
    await viewer.waitForImage(series.uid, 298);
    await expect(loading).toHaveCount(0);
    await expect(viewer.viewport.getByTestId('viewport-element')).toHaveCSS('opacity', '1');
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
  });

  test('a PACS that hangs when the viewer opens: the series says whom it waits for, then shows', async ({
    page,
    sandbox,
  }) => {
    const { study, series } = syntheticCtSeries(sandbox);
    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await expect(page.getByTestId('study-list')).toBeVisible();
    await fault(sandbox, 'pacs-stop?pacs=a&mode=hang');
    await new StudyListPage(page).open(study.id);

    const viewer = new ViewerPage(page);
    const loading = viewer.viewport.getByTestId('viewport-loading-series');
    await expect(loading).toContainText('Loading series…');
    await expect(viewer.viewport.getByTestId('viewport-waiting-for')).toHaveText(
      `Waiting for the image server at ${new URL(sandbox.pacs.a).origin}…`,
    );
    await viewer.press('End');
    await expect(loading).toBeVisible();

    await fault(sandbox, 'pacs-resume?pacs=a');
    await viewer.waitForImage(series.uid, 0);
    await expect(loading).toHaveCount(0);
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
  });

  test('a PACS that hangs: the viewport waits, naming it; once it answers the image shows and nothing is lost', async ({
    page,
    sandbox,
  }) => {
    const { study, series } = syntheticCtSeries(sandbox);
    const middle = await holdSyntheticCtMiddle(page, sandbox, series);
    const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
    await viewer.waitForImage(series.uid, 0);
    // A length on the first slice: it must survive what follows.
    await viewer.press('d');
    await viewer.dragPixels(
      await viewer.screenPointOf(150, 300, 512, 512),
      await viewer.screenPointOf(270, 300, 512, 512),
    );
    const measurement = viewer.viewport.getByTestId('measurement');
    await expect(measurement).toHaveCount(1);

    await fault(sandbox, 'pacs-stop?pacs=a&mode=hang');
    middle.release();
    await viewer.press('End');
    await viewer.press('ArrowUp');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '298');
    await expect(viewer.viewport.getByTestId('viewport-loading')).toBeVisible();
    await expect(viewer.viewport.getByTestId('viewport-waiting-for')).toContainText(
      new URL(sandbox.pacs.a).origin,
    );

    await fault(sandbox, 'pacs-resume?pacs=a');
    await viewer.waitForImage(series.uid, 298);
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
    // Nothing lost: the session, the position, and the measurement on the first slice.
    await viewer.press('Home');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '0');
    await expect(measurement).toHaveCount(1);
    await expect(measurement).toHaveAttribute('data-tool', 'length');
    await expect(page.getByTestId('session-expired')).toHaveCount(0);
    // The prefetch went on by itself: the whole series loads, and what failed when the PACS stopped
    // no longer counts.
    const progress = viewer.thumbnail(series.uid).getByTestId('series-progress');
    await expect(progress).toHaveAttribute('data-loaded', '300', { timeout: 60_000 });
    await expect(progress).toHaveAttribute('data-failed', '0');
  });

  test('a PACS that refuses connections: the image says why; when it is back the image shows by itself', async ({
    page,
    sandbox,
  }) => {
    const { study, series } = syntheticCtSeries(sandbox);
    const middle = await holdSyntheticCtMiddle(page, sandbox, series);
    const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
    await viewer.waitForImage(series.uid, 0);

    await fault(sandbox, 'pacs-stop?pacs=a&mode=refuse');
    middle.release();
    await viewer.press('End');
    const error = viewer.viewport.getByTestId('viewport-error');
    await expect(error).toHaveText(
      `The image server at ${new URL(sandbox.pacs.a).origin} could not be reached.`,
    );
    await expect(viewer.viewport.getByTestId('viewport-retry')).toBeVisible();
    await expect(viewer.viewport.getByTestId('viewport-loading')).toHaveCount(0);
    const progress = viewer.thumbnail(series.uid).getByTestId('series-progress');
    await expect(progress).not.toHaveAttribute('data-failed', '0');

    // Back: no key, no click, no reload. The prefetch finds the server again, the whole series loads,
    // the error over the last slice goes and its pixels show; the bar is no longer amber.
    await fault(sandbox, 'pacs-resume?pacs=a');
    await expect(progress).toHaveAttribute('data-loaded', '300', { timeout: 60_000 });
    await expect(progress).toHaveAttribute('data-failed', '0');
    await expect(error).toHaveCount(0);
    await viewer.waitForImage(series.uid, 299);
    await expect(page.getByTestId('session-expired')).toHaveCount(0);
  });

  test('an image that failed is asked for again with Retry', async ({ page, sandbox }) => {
    const { study, axial } = philipsAxialSeries(sandbox);
    const frames = `${sandbox.pacs.a}/studies/*/series/${axial.uid}/instances/*/frames/*`;
    await page.route(frames, (route) => route.abort('connectionrefused'));
    const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
    await viewer.thumbnail(axial.uid).click();
    await expect(viewer.viewport.getByTestId('viewport-error')).toContainText('could not be reached');
    // The rest of the series has settled (in one request for the series, or failed frame by frame):
    // nothing redraws the viewport under the click.
    const progress = viewer.thumbnail(axial.uid).getByTestId('series-progress');
    const settled = async () =>
      Number(await progress.getAttribute('data-loaded')) + Number(await progress.getAttribute('data-failed'));
    await expect.poll(settled).toBe(axial.instances);

    await page.unroute(frames);
    await viewer.viewport.getByTestId('viewport-retry').click();
    await viewer.waitForImage(axial.uid, 0);
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
  });
});
