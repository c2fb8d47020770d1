import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';
import { philipsAxialSeries } from './support/sandbox-studies';

test('a series whose metadata has instances without a usable SOP Instance UID says how many were left out', async ({
  page,
  sandbox,
}) => {
  const { study, axial } = philipsAxialSeries(sandbox);
  // The image server's answer, with two instances' SOP Instance UIDs spoilt as a broken archive might.
  await page.route(`**/series/${axial.uid}/metadata`, async (route) => {
    const response = await route.fetch();
    const instances = (await response.json()) as Record<string, { Value?: unknown[] }>[];
    for (const instance of instances.slice(0, 2)) instance['00080018'] = { Value: ['1.2.x'] };
    await route.fulfill({ response, json: instances });
  });
  await new EhrLauncherPage(page, sandbox).launch(study.patient);
  await new StudyListPage(page).open(study.id);

  const viewer = new ViewerPage(page);
  await viewer.showSeries(axial.uid);
  await expect(viewer.thumbnail(axial.uid).getByTestId('series-left-out')).toContainText(
    `2 of ${axial.instances} instances from the image server left out: no valid SOP Instance UID.`,
  );
  await expect(viewer.viewport).toHaveAttribute('data-image-count', String(axial.instances - 2));
});
