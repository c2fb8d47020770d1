import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';
import { FhirTestClient } from './support/fhir-test-client';
import { philipsAxialSeries } from './support/sandbox-studies';

interface FhirPatient {
  name?: { family?: string; given?: string[] }[];
  birthDate?: string;
  gender?: string;
  identifier?: { value?: string }[];
}

test.describe('identity and safety on every viewport', () => {
  test('the overlay shows the FHIR patient, the study, the series, position, window, zoom and orientation', async ({
    page,
    sandbox,
  }) => {
    const { study, axial } = philipsAxialSeries(sandbox);
    const fhir = await FhirTestClient.forPatient(sandbox, study.patient);
    const patient = await fhir.read<FhirPatient>(`Patient/${study.patient}`);

    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
    await viewer.showSeries(axial.uid);
    const overlay = viewer.viewport;
    await expect(overlay.getByTestId('overlay-patient')).toContainText(
      patient.name?.[0]?.family?.toUpperCase() ?? '???',
    );
    await expect(overlay.getByTestId('overlay-patient')).toContainText(
      patient.identifier?.[0]?.value ?? '???',
    );
    if (patient.gender) await expect(overlay.getByTestId('overlay-patient')).toContainText(patient.gender);
    if (study.description)
      await expect(overlay.getByTestId('overlay-study')).toContainText(study.description);
    await expect(overlay.getByTestId('overlay-study')).toContainText(/\d{4}-\d{2}-\d{2}/);
    await expect(overlay.getByTestId('overlay-series')).toContainText(`Se ${axial.number ?? ''}`);
    if (axial.description)
      await expect(overlay.getByTestId('overlay-series')).toContainText(axial.description);
    await expect(overlay.getByTestId('overlay-image-index')).toHaveText('Im 1/28');
    const { center, width } = await viewer.window();
    await expect(overlay.getByTestId('overlay-voi')).toContainText(
      `W ${Math.round(width)} L ${Math.round(center)}`,
    );
    await expect(overlay.getByTestId('overlay-zoom')).toContainText('Zoom 1.00×');
    // An axial CT seen from the feet: the patient's right on the screen's left, anterior on top.
    await expect(overlay.getByTestId('orientation-left')).toHaveText('R');
    await expect(overlay.getByTestId('orientation-right')).toHaveText('L');
    await expect(overlay.getByTestId('orientation-top')).toHaveText('A');
    await expect(overlay.getByTestId('orientation-bottom')).toHaveText('P');
    await viewer.press('h');
    await expect(overlay.getByTestId('orientation-left')).toHaveText('L');
  });

  test('a study whose DICOM names another patient is flagged on the viewport and in the header', async ({
    page,
    sandbox,
  }) => {
    const mismatched = sandbox.studies['phantom-ge-head-ct'];
    if (!mismatched) throw new Error('The sandbox has no GE head CT.');
    await new EhrLauncherPage(page, sandbox).launch(mismatched.patient);
    await new StudyListPage(page).open(mismatched.id);
    const viewer = new ViewerPage(page);
    await viewer.waitForImage(mismatched.series[0]?.uid ?? '');
    await expect(viewer.viewport).toHaveAttribute('data-patient-match', 'mismatch');
    await expect(viewer.viewport.getByTestId('viewport-patient-mismatch')).toBeVisible();
    await expect(viewer.viewport.getByTestId('viewport-patient-mismatch')).toContainText('REMOVED');
    await expect(page.getByTestId('study-patient-mismatch')).toBeVisible();
  });

  test('no mismatch warning where the DICOM patient is the FHIR patient', async ({ page, sandbox }) => {
    const matching = ['phantom-ct', 'phantom-transfer-syntaxes', 'phantom-synthetic-ct'].map((id) => {
      const study = sandbox.studies[id];
      if (!study) throw new Error(`The sandbox has no ${id}.`);
      return study;
    });
    await new EhrLauncherPage(page, sandbox).launch('phantom');
    const viewer = new ViewerPage(page);
    for (const study of matching) {
      await new StudyListPage(page).open(study.id);
      await viewer.waitForImage(study.series[0]?.uid ?? '');
      // The header checks the series whose metadata has been read, and the panel reads a series when
      // its thumbnail comes into view: scroll through the study (the transfer-syntax one has 16 series,
      // more than the panel holds) until every thumbnail has its metadata (its status leaves "idle").
      const panel = page.getByTestId('series-panel');
      for (const [index, series] of study.series.entries()) {
        await panel.evaluate((element, index) => {
          const item = element.querySelector('[role="listitem"]');
          element.scrollTop = index * (item?.getBoundingClientRect().height ?? 100);
        }, index);
        await expect(viewer.thumbnail(series.uid)).toHaveAttribute(
          'data-thumbnail-status',
          /^(loading|ready|error)$/,
        );
      }
      // Then it has checked them all, and says so in the line that said how far it had got.
      const coverage = page.getByTestId('study-identity-coverage');
      await expect(coverage).toHaveText(
        `Patient identity checked in ${study.series.length} of ${study.series.length} series`,
      );
      await panel.evaluate((element) => {
        element.scrollTop = 0;
      });
      for (const series of study.series.slice(0, 4))
        await expect(viewer.thumbnail(series.uid)).toHaveAttribute('data-thumbnail-status', 'ready');
      await expect(viewer.viewport).toHaveAttribute('data-patient-match', 'match');
      await expect(page.getByTestId('viewport-patient-mismatch')).toHaveCount(0);
      await expect(page.getByTestId('study-patient-mismatch')).toHaveCount(0);
      await page.getByRole('link', { name: /All studies/ }).click();
    }
  });

  test('lossy images carry a marker, lossless ones do not', async ({ page, sandbox }) => {
    const variants = sandbox.studies['phantom-transfer-syntaxes'];
    const baseline = variants?.series.find((s) => s.description === 'JPEG Baseline (Process 1)');
    const lossless = variants?.series.find((s) => s.description === 'JPEG-LS Lossless');
    if (!variants || !baseline || !lossless) throw new Error('The sandbox has no transfer-syntax study.');
    await new EhrLauncherPage(page, sandbox).launch(variants.patient);
    await new StudyListPage(page).open(variants.id);
    const viewer = new ViewerPage(page);
    await viewer.showSeries(baseline.uid);
    await expect(viewer.viewport.getByTestId('lossy-marker')).toBeVisible();
    await viewer.showSeries(lossless.uid);
    await expect(viewer.viewport.getByTestId('lossy-marker')).toHaveCount(0);
  });
});
