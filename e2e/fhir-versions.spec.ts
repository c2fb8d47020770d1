import type { SandboxInfo, StudyInfo } from '../sandbox/sandbox-info';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';

// The sandbox's `versions` patient (sandbox/data/fhir-versions-patient.ts): records written as the STU3
// drafts and R5 write them, and availability at study and series level.
const PATIENT = 'versions';

function studyOf(sandbox: SandboxInfo, id: string): StudyInfo {
  const study = sandbox.studies[id];
  if (!study) throw new Error(`the sandbox has no study ${id}`);
  return study;
}

test('the list reads every version: labels, and availability said where the archive gives it', async ({
  page,
  sandbox,
}) => {
  await new EhrLauncherPage(page, sandbox).launch(PATIENT);
  const list = new StudyListPage(page);
  await list.waitUntilComplete();
  await expect(list.rows).toHaveCount(4);

  const draft = list.row('versions-draft');
  await expect(draft.getByTestId('study-modalities')).toHaveText('CT');
  await expect(draft.getByTestId('open-study')).toBeVisible();
  const r5 = list.row('versions-r5');
  await expect(r5.getByTestId('study-modalities')).toHaveText('CT');
  await expect(r5.getByTestId('study-body-site')).toHaveText('Chest');
  await expect(r5.getByTestId('open-study')).toBeVisible();

  await expect(list.row('versions-availability').getByTestId('study-availability')).toHaveText(
    '1 of 3 series offline or unavailable; 1 of 3 series nearline (slow to retrieve)',
  );
  const offline = list.row('versions-offline');
  await expect(offline.getByTestId('study-availability')).toHaveText('Offline in the archive');
  await expect(offline.getByTestId('study-unavailable')).toContainText('availability OFFLINE');
  await expect(offline.getByTestId('open-study')).toHaveCount(0);
});

for (const id of ['versions-draft', 'versions-r5']) {
  test(`${id}: opens and shows its images`, async ({ page, sandbox }) => {
    const study = studyOf(sandbox, id);
    const [series] = study.series;
    if (!series) throw new Error('no series');
    await new EhrLauncherPage(page, sandbox).launch(PATIENT);
    await new StudyListPage(page).open(id);
    const viewer = new ViewerPage(page);
    await viewer.waitForImage(series.uid);
    await expect(viewer.viewport).toHaveAttribute('data-image-count', String(series.instances));
  });
}

test('an offline series is never asked for and says why; the others are shown', async ({ page, sandbox }) => {
  const study = studyOf(sandbox, 'versions-availability');
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  await new EhrLauncherPage(page, sandbox).launch(PATIENT);
  await new StudyListPage(page).open(study.id);
  const viewer = new ViewerPage(page);
  const [first] = study.series;
  if (!first) throw new Error('no series');
  await viewer.waitForImage(first.uid);
  await expect(viewer.thumbnails).toHaveCount(3);

  const offline = viewer.page.locator('[data-testid="series-thumbnail"]', {
    has: page.getByTestId('series-error').filter({ hasText: 'availability OFFLINE' }),
  });
  await expect(offline).toHaveCount(1);
  const offlineUid = (await offline.getAttribute('data-series-uid')) ?? '';
  expect(offlineUid).not.toBe('');
  // Every other series' metadata has been fetched (thumbnails), so the offline one would have been by now.
  for (const series of study.series.filter((item) => item.uid !== offlineUid)) {
    await expect(viewer.thumbnail(series.uid)).toHaveAttribute('data-thumbnail-status', 'ready');
  }
  expect(asked.filter((url) => url.includes(offlineUid))).toEqual([]);
  // The nearline series is fetched, and says it may be slow.
  await expect(page.getByTestId('series-availability')).toHaveText([
    'Retrieving from the archive (availability NEARLINE): this may take a while.',
  ]);
});
