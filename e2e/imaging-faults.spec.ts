import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';
import { philipsAxialSeries } from './support/sandbox-studies';

/** An image server that is slow or gone for a while, expressed with `page.route` over the real pacs-a. */
test.describe('an image server that falters is never silent, and the viewer recovers', () => {
  test('a slow image names its server while the viewer waits, then shows', async ({ page, sandbox }) => {
    const { study, axial } = philipsAxialSeries(sandbox);
    const pacs = new URL(sandbox.pacs.a).origin;
    let delayed = 0;
    await page.route(
      `${sandbox.pacs.a}/studies/*/series/${axial.uid}/instances/*/frames/*`,
      async (route) => {
        delayed += 1;
        if (delayed <= 3) await new Promise((resolve) => setTimeout(resolve, 5_000));
        await route.continue();
      },
    );
    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
    await viewer.thumbnail(axial.uid).click();

    // At once the viewport says an image is on its way; after a few seconds, whom it waits for.
    const loading = viewer.viewport.getByTestId('viewport-loading');
    await expect(loading).toBeVisible({ timeout: 2_000 });
    await expect(page.getByTestId('server-wait')).toContainText(`Waiting for the image server at ${pacs}`);
    await expect(loading).toBeVisible();
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
    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
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
    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
    await viewer.thumbnail(axial.uid).click();
    await expect(viewer.viewport.getByTestId('viewport-error')).toContainText('could not be reached');

    await page.unroute(metadata);
    await viewer.viewport.getByTestId('viewport-retry').click();
    await viewer.waitForImage(axial.uid);
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
    await expect(viewer.viewport.getByTestId('viewport-retry')).toHaveCount(0);
  });
});
