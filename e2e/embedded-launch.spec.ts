import type { Frame, FrameLocator, Locator } from '@playwright/test';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { expect, test } from './support/fixtures';
import { philipsAxialSeries } from './support/sandbox-studies';

/**
 * The embedded launch: the sandbox EHR shows the viewer in an iframe of its own page (as EHRs and
 * smart-launcher-v2 do). The whole flow happens inside the frame, with the session in the frame's
 * sessionStorage: launch, list, viewer, a reload of the frame, a deep link, and keys reaching the viewer.
 */
const GE_HEAD_CT = 'phantom-ge-head-ct';

function activeViewport(app: FrameLocator): Locator {
  return app.locator('[data-testid="viewport"][data-active="true"]');
}

async function expectImage(viewport: Locator, seriesUid?: string): Promise<void> {
  if (seriesUid) await expect(viewport).toHaveAttribute('data-series-uid', seriesUid);
  await expect(viewport).toHaveAttribute('data-image-count', /^[1-9]\d*$/);
  await expect(viewport).toHaveAttribute('data-transfer-syntax', /\d/);
}

/** location.reload() inside the frame, as the EHR (or the user's "Reload frame") would. */
async function reloadFrame(frame: Frame): Promise<void> {
  const url = frame.url();
  await Promise.all([
    frame.waitForNavigation({ url }),
    frame.evaluate(() => void setTimeout(() => location.reload(), 0)),
  ]);
}

test('the viewer works inside the EHR page’s iframe: launch, list, viewer, reload, deep link, keys', async ({
  page,
  sandbox,
  network,
}) => {
  const study = sandbox.studies[GE_HEAD_CT];
  if (!study) throw new Error('The sandbox has no GE head CT.');
  const { app, frame } = await new EhrLauncherPage(page, sandbox).launchEmbedded('phantom');

  const list = new StudyListPage(app);
  await list.waitUntilComplete();
  // The app stayed in its frame: the EHR page is still the top document, with its own header.
  expect(new URL(page.url()).origin).toBe(sandbox.ehr);
  await expect(page.getByTestId('ehr-header')).toContainText('phantom');
  // The session lives in the frame's sessionStorage, not the EHR page's.
  expect(await frame.evaluate(() => sessionStorage.getItem('SMART_KEY'))).not.toBeNull();
  expect(await page.evaluate(() => sessionStorage.getItem('SMART_KEY'))).toBeNull();

  // A study on pacs-a: its frames need the access token, from the frame's session.
  await list.open(study.id);
  const viewport = activeViewport(app);
  await expectImage(viewport);
  // Keys reach the viewer in the frame (the click on Open put the focus there): 2 = lung preset.
  await page.keyboard.press('2');
  await expect(viewport).toHaveAttribute('data-window-width', '1500');

  // A reload of the frame keeps the session and the screen: no new sign-in.
  const authorizations = network.to(`${sandbox.ehr}/authorize`).length;
  const viewerUrl = frame.url();
  await reloadFrame(frame);
  expect(frame.url()).toBe(viewerUrl);
  await expectImage(viewport);
  await expect(app.getByTestId('no-session')).toHaveCount(0);
  expect(network.to(`${sandbox.ehr}/authorize`)).toHaveLength(authorizations);
  // After the reload a click in the viewer gives it the keys again: 3 = bone.
  await viewport.click();
  await page.keyboard.press('3');
  await expect(viewport).toHaveAttribute('data-window-width', '2000');

  // A deep link opened in the frame lands on that study and series, with the same session.
  const { study: twoPacs, axial } = philipsAxialSeries(sandbox);
  await frame.goto(
    `${sandbox.app}/viewer?StudyInstanceUIDs=${twoPacs.studyInstanceUid}&SeriesInstanceUID=${axial.uid}`,
  );
  await expectImage(viewport, axial.uid);
  await expect(app.getByTestId('no-session')).toHaveCount(0);
  expect(network.to(`${sandbox.ehr}/authorize`)).toHaveLength(authorizations);
  await expect(app.getByTestId('session-expired')).toHaveCount(0);
});
