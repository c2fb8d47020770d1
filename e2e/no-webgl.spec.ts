import { CHROMIUM_LAUNCH_OPTIONS } from './support/chromium';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';
import { geHeadCtSeries } from './support/sandbox-studies';

// Chromium with WebGL off, as a locked-down workstation may have it: Cornerstone would fall back to
// drawing on the CPU, which drew JPEG frames blank and MONOCHROME1 not at all here.
test.use({
  launchOptions: {
    ...CHROMIUM_LAUNCH_OPTIONS,
    args: [
      ...(CHROMIUM_LAUNCH_OPTIONS.args ?? []),
      '--disable-webgl',
      '--disable-webgl2',
      '--disable-3d-apis',
    ],
  },
});

test('without WebGL the viewer says why it shows no images, instead of drawing them wrongly', async ({
  page,
  sandbox,
}) => {
  expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl2'))).toBeNull();
  const { study, series } = geHeadCtSeries(sandbox);
  const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
  await expect(viewer.viewport).toHaveAttribute('data-series-uid', series.uid);
  await expect(viewer.viewport.getByTestId('viewport-error')).toContainText('it has no WebGL');
  await expect(viewer.viewport.getByTestId('viewport-error')).toContainText('Turn hardware acceleration on');
  // The patient is still named on the viewport, and nothing was drawn by the CPU renderer.
  await expect(viewer.viewport.getByTestId('overlay-patient-name')).not.toBeEmpty();
  await expect(viewer.viewport).not.toHaveAttribute('data-transfer-syntax', /\d/);
});
