import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';

/** MPEG-2: a syntax no browser codec of Cornerstone decodes. */
const UNDECODABLE = '1.2.840.10008.1.2.4.100';

test('an image the browser cannot decode is shown as the PACS renders it, marked not diagnostic', async ({
  page,
  sandbox,
  network,
}) => {
  const study = sandbox.studies['phantom-ge-head-ct'];
  const series = study?.series[0];
  if (!study || !series) throw new Error('The sandbox has no GE head CT.');
  // Every frame of this series arrives in a syntax the browser cannot decode; /rendered is untouched.
  const frame = new RegExp(`/series/${series.uid}/instances/[0-9.]+/frames/[0-9]+$`);
  await page.route(
    (url) => frame.test(url.pathname),
    (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Content-Type': 'multipart/related; type="application/octet-stream"; boundary=x' },
        body: Buffer.concat([
          Buffer.from(
            `--x\r\nContent-Type: application/octet-stream; transfer-syntax=${UNDECODABLE}\r\n\r\n`,
          ),
          Buffer.alloc(4096, 0x42),
          Buffer.from('\r\n--x--\r\n'),
        ]),
      }),
  );
  const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
  await viewer.thumbnail(series.uid).click();
  await expect(viewer.viewport.getByTestId('rendered-marker')).toBeVisible({ timeout: 30_000 });
  await expect(viewer.viewport.getByTestId('rendered-marker')).toHaveText(
    'Rendered by the PACS — not diagnostic',
  );
  await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
  const shown = await viewer.displayedGrid(16);
  expect(Math.max(...shown) - Math.min(...shown), 'an image, not a blank').toBeGreaterThan(50);
  const rendered = network.requests.filter(
    (request) => request.url.includes(`/series/${series.uid}/`) && request.url.endsWith('/rendered'),
  );
  expect(rendered.length).toBeGreaterThan(0);
  expect(rendered.every((request) => request.authorization?.startsWith('Bearer '))).toBe(true);
});
