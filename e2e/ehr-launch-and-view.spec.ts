import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { filesInSliceOrder, pearson, readUncompressedDicom, windowedGrid } from './support/dicom-reference';
import { expect, test } from './support/fixtures';
import { FhirTestClient } from './support/fhir-test-client';
import { philipsAxialSeries } from './support/sandbox-studies';

const PHILIPS_AXIAL = 'sandbox/data/dicom/dcm_qa_ct-philips-S21570/S2010';
const GRID = 16;

test.describe('EHR launch → study list → viewer, against the real sandbox', () => {
  test('the banner and the list show the launched patient’s FHIR data', async ({ page, sandbox }) => {
    const fhir = await FhirTestClient.forPatient(sandbox, 'phantom');
    const patient = await fhir.read<{ name?: { family?: string }[] }>('Patient/phantom');
    const studies = await fhir.imagingStudies('phantom');
    expect(studies.length).toBeGreaterThanOrEqual(2);

    await new EhrLauncherPage(page, sandbox).launch('phantom');

    await expect(page.getByTestId('patient-name')).toContainText(
      patient.name?.[0]?.family?.toUpperCase() ?? '???',
    );
    const list = new StudyListPage(page);
    await expect(list.rows).toHaveCount(studies.length);
    for (const study of studies) {
      const row = list.row(study.id);
      await expect(row.getByTestId('study-date')).toContainText((study.started ?? '—').slice(0, 10));
      const modalities = [...new Set((study.series ?? []).map((series) => series.modality?.code))].filter(
        Boolean,
      );
      for (const modality of modalities)
        await expect(row.getByTestId('study-modalities')).toContainText(modality ?? '');
      if (study.description)
        await expect(row.getByTestId('study-description')).toContainText(study.description);
    }
  });

  test('series endpoints override the study endpoint: the pacs-b series comes only from pacs-b', async ({
    page,
    sandbox,
    network,
  }) => {
    const study = sandbox.studies[sandbox.twoPacsStudy];
    if (!study) throw new Error('The sandbox names no two-PACS study.');
    const onB = study.series.filter((series) => series.pacs === 'b');
    const onA = study.series.filter((series) => series.pacs === 'a');
    expect(onB.length).toBeGreaterThan(0);
    expect(onA.length).toBeGreaterThan(0);

    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
    for (const series of study.series) {
      await expect(viewer.thumbnail(series.uid)).toHaveAttribute('data-thumbnail-status', 'ready');
    }
    const bSeries = onB[0];
    if (!bSeries) throw new Error('unreachable');
    await viewer.thumbnail(bSeries.uid).click();
    await viewer.waitForImage(bSeries.uid);

    const imageRequests = network.requests.filter((request) => request.url.includes('/series/'));
    for (const series of study.series) {
      const forSeries = imageRequests.filter((request) => request.url.includes(`/series/${series.uid}/`));
      expect(forSeries.length, `requests for series ${series.uid}`).toBeGreaterThan(0);
      const expectedBase = `${sandbox.pacs[series.pacs]}/studies/${study.studyInstanceUid}/series/${series.uid}/`;
      for (const request of forSeries) expect(request.url).toContain(expectedBase);
    }
    expect(imageRequests.some((r) => r.url.startsWith(sandbox.pacs.b) && r.url.includes('/frames/'))).toBe(
      true,
    );
  });

  test('the viewport shows the right slice’s pixels, and scrolling moves to the next ones', async ({
    page,
    sandbox,
  }) => {
    const { study, axial } = philipsAxialSeries(sandbox);
    const files = filesInSliceOrder(readdirSync(PHILIPS_AXIAL).map((name) => join(PHILIPS_AXIAL, name)));
    const images = files.map(readUncompressedDicom);

    await page.goto('about:blank');
    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
    await viewer.thumbnail(axial.uid).click();
    await viewer.waitForImage(axial.uid, 0);
    await expect(viewer.viewport).toHaveAttribute('data-image-count', '28');

    const expectSlice = async (index: number) => {
      const { center, width } = await viewer.window();
      const shown = await viewer.displayedGrid(GRID);
      const scores = images.map((image) => pearson(shown, windowedGrid(image, center, width, GRID)));
      const best = scores.indexOf(Math.max(...scores));
      expect(scores[index], `correlation with slice ${index}`).toBeGreaterThan(0.95);
      expect(best, 'the best-matching slice').toBe(index);
    };

    await expectSlice(0);
    // Ordered with the server's metadata (positions) in hand: no word on the order.
    await expect(viewer.viewport.getByTestId('overlay-stack-order')).toHaveCount(0);
    await viewer.scroll(3);
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '3');
    await expectSlice(3);
  });

  test('a study whose PACS cannot be reached says so, and the list keeps working', async ({
    page,
    sandbox,
  }) => {
    await new EhrLauncherPage(page, sandbox).launch('dicom');
    const list = new StudyListPage(page);
    await expect(list.row('example-xr')).toBeVisible();
    await expect(list.row('example-xr').getByTestId('study-description')).toContainText('XR Wrist 3+ Views');
    // The preview says why there is none, in a few words (the whole sentence on hover).
    const failure = list.row('example-xr').getByTestId('study-thumbnail-failure');
    await expect(failure).toHaveText('Image server unreachable');
    await expect(failure).toHaveAttribute('title', /could not be reached/);

    await list.open('example-xr');
    await expect(page.getByTestId('series-problem').first()).toContainText('could not be reached');
    await expect(page.getByTestId('viewport-error')).toContainText('could not be reached');

    await page.getByRole('link', { name: /All studies/ }).click();
    await expect(list.rows).toHaveCount(2);
  });
});
