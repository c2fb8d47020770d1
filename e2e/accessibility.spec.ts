import type { SandboxInfo, SeriesInfo } from '../sandbox/sandbox-info';
import { ComparePage } from './pages/compare-page';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { LocalFilesPage } from './pages/local-files-page';
import { StartPage } from './pages/start-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { expectNoSeriousViolations } from './support/axe';
import { fault, resetFaults } from './support/fault-controls';
import { expect, test } from './support/fixtures';
import { writeLocalCase } from './support/local-dicom-folder';
import { philipsAxialSeries } from './support/sandbox-studies';

// axe-core (WCAG 2.0–2.2 A and AA) on every screen: no serious or critical violation anywhere.

function documentsSeries(sandbox: SandboxInfo, modality: string): SeriesInfo {
  const series = sandbox.studies['documents-ct']?.series.find((item) => item.modality === modality);
  if (!series) throw new Error(`documents-ct has no ${modality} series`);
  return series;
}

test.describe('every screen passes axe (WCAG 2.2 AA)', () => {
  test.afterEach(({ sandbox }) => resetFaults(sandbox));

  test('the start page (no session in this tab)', async ({ page, sandbox }) => {
    await page.goto(sandbox.app ?? '');
    await expect(new StartPage(page).noSession).toBeVisible();
    await expectNoSeriousViolations(page, 'the start page');
  });

  test("the sandbox EHR's launcher", async ({ page, sandbox }) => {
    await page.goto(sandbox.launcher);
    await expect(page.getByTestId('launch-phantom')).toBeVisible();
    await expectNoSeriousViolations(page, 'the launcher');
  });

  test("the sandbox EHR's patient picker (standalone launch)", async ({ page, sandbox }) => {
    await page.goto(sandbox.app ?? '');
    await page
      .getByRole('button', { name: /Sign in to/ })
      .first()
      .click();
    await expect(page.getByTestId('pick-phantom')).toBeVisible();
    await expectNoSeriousViolations(page, 'the patient picker');
  });

  test("the sandbox EHR's embedded page, with the app's study list in its frame", async ({
    page,
    sandbox,
  }) => {
    const { app } = await new EhrLauncherPage(page, sandbox).launchEmbedded('phantom');
    await expect(page.getByTestId('ehr-header')).toBeVisible();
    await expect(app.getByTestId('study-count').and(app.locator('[data-complete="true"]'))).toBeVisible();
    await expectNoSeriousViolations(page, 'the embedded EHR page');
  });

  test('a launch error page', async ({ page, sandbox }) => {
    await page.goto(`${sandbox.app}/launch?iss=${encodeURIComponent(sandbox.fhir)}&launch=not-a-real-launch`);
    await expect(new StartPage(page).launchError).toBeVisible();
    await expectNoSeriousViolations(page, 'a launch error page');
  });

  test('the study list, with reports and previews', async ({ page, sandbox }) => {
    await new EhrLauncherPage(page, sandbox).launch('phantom');
    const list = new StudyListPage(page);
    await list.waitUntilComplete();
    await expect(list.row('phantom-ct').getByTestId('study-report')).toBeVisible();
    await expectNoSeriousViolations(page, 'the study list');
  });

  test('the viewer with an image, then with the shortcut help open', async ({ page, sandbox }) => {
    const { study, axial } = philipsAxialSeries(sandbox);
    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
    await viewer.showSeries(axial.uid);
    await expectNoSeriousViolations(page, 'the viewer');

    await viewer.toolbarButton('command-help').click();
    await expect(page.getByTestId('shortcut-help')).toBeVisible();
    await expectNoSeriousViolations(page, 'the shortcut help');
  });

  test('the viewer with the report panel open', async ({ page, sandbox }) => {
    await new EhrLauncherPage(page, sandbox).launch('phantom');
    await new StudyListPage(page).open('phantom-ct');
    await expect(page.getByTestId('report-panel').getByTestId('report')).toHaveCount(2);
    await expect(page.getByTestId('viewport')).toHaveAttribute('data-image-pending', 'false');
    await expectNoSeriousViolations(page, 'the report panel');
  });

  test('a structured report (a non-image object) in the viewport', async ({ page, sandbox }) => {
    await new EhrLauncherPage(page, sandbox).launch('documents');
    await new StudyListPage(page).open('documents-ct');
    const viewer = new ViewerPage(page);
    await viewer.waitForImage(documentsSeries(sandbox, 'CT').uid);
    await viewer.thumbnail(documentsSeries(sandbox, 'SR').uid).click();
    await expect(page.getByTestId('structured-report')).toContainText('Conclusion: Normal');
    await expectNoSeriousViolations(page, 'a structured report');
  });

  test('the session-expired dialog', async ({ page, sandbox }) => {
    await new EhrLauncherPage(page, sandbox).launch('phantom');
    await expect(page.getByTestId('study-list')).toBeVisible();
    await fault(sandbox, 'revoke?what=all');
    await page.reload();
    await expect(page.getByTestId('session-expired')).toBeVisible();
    await expectNoSeriousViolations(page, 'the session-expired dialog');
  });
  test('two studies compared side by side', async ({ page, sandbox }) => {
    const current = sandbox.studies['phantom-synthetic-ct'];
    const prior = sandbox.studies['phantom-synthetic-ct-prior'];
    if (!current || !prior) throw new Error('The sandbox has no synthetic CT with its prior.');
    await new EhrLauncherPage(page, sandbox).launch(current.patient);
    await expect(page.getByTestId('study-list')).toBeVisible();
    await page.goto(
      `${sandbox.app}/viewer?StudyInstanceUIDs=${current.studyInstanceUid},${prior.studyInstanceUid}`,
    );
    const compare = new ComparePage(page);
    await compare.waitForImage(0);
    await compare.waitForImage(1);
    await expectNoSeriousViolations(page, 'the compare screen');
  });

  test('DICOM files opened from disk: the studies, the folder view, and one viewed', async ({
    page,
    sandbox,
  }) => {
    const files = writeLocalCase(
      'test-results/accessibility-local-files',
      { id: 'MRN-A11Y', name: 'DOE^JANE' },
      {
        id: 'OTHER-A11Y',
        name: 'ROE^RICHARD',
      },
    );
    await page.goto(sandbox.app ?? '');
    await page.getByTestId('open-local-files').click();
    const local = new LocalFilesPage(page);
    await local.openFolder(files.root);
    await expect(local.folderView).toBeVisible();
    await expectNoSeriousViolations(page, 'the local files screen');

    await local.view(files.dicomdirStudy.uid);
    await new ViewerPage(page).waitForImage(files.dicomdirStudy.seriesUid);
    await expectNoSeriousViolations(page, 'local files in the viewer');
  });
});
