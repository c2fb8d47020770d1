import type { Page } from '@playwright/test';
import { GENERATED_PATIENT_ID } from '../sandbox/data/generated-patient';
import type { SandboxInfo } from '../sandbox/sandbox-info';
import {
  NO_INSTANCES_STUDY_ID,
  NO_SERIES_STUDY_ID,
  SPARSE_PATIENT_ID,
} from '../sandbox/data/sparse-records-patient';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';
import { FhirTestClient, type FhirImagingStudy } from './support/fhir-test-client';
import { philipsAxialSeries, syntheticCtSeries } from './support/sandbox-studies';
import { WADO_URI_STUDY_ID } from '../sandbox/data/wado-uri-study';

/** The app asks for 50 per page; the server's `next` links carry that on. */
const APP_PAGE_SIZE = 50;

async function launch(page: Page, sandbox: SandboxInfo, patientId: string): Promise<StudyListPage> {
  await new EhrLauncherPage(page, sandbox).launch(patientId);
  const list = new StudyListPage(page);
  await list.waitUntilComplete();
  return list;
}

const modalitiesOf = (study: FhirImagingStudy): string[] =>
  study.modality?.length
    ? study.modality.map((coding) => coding.code ?? '')
    : (study.series ?? []).map((series) => series.modality?.code ?? '');
const accessionOf = (study: FhirImagingStudy): string | undefined =>
  study.identifier?.find((identifier) => identifier.type?.coding?.some((coding) => coding.code === 'ACSN'))
    ?.value;
const isError = (study: FhirImagingStudy): boolean => study.status === 'entered-in-error';

test.describe('the study list at the scale of a real patient', () => {
  let studies: FhirImagingStudy[] = [];

  test.beforeAll(async ({ sandbox }) => {
    const fhir = await FhirTestClient.forPatient(sandbox, GENERATED_PATIENT_ID);
    studies = await fhir.imagingStudies(GENERATED_PATIENT_ID);
    expect(studies.length).toBeGreaterThanOrEqual(1000);
  });

  test('every page arrives, Endpoints come included, and only what is on screen is rendered', async ({
    page,
    sandbox,
    network,
  }) => {
    const list = await launch(page, sandbox, GENERATED_PATIENT_ID);
    expect(await list.total()).toBe(studies.length);
    expect(await list.shown()).toBe(studies.filter((study) => !isError(study)).length);

    const searches = network.to(`${sandbox.fhir}/ImagingStudy`);
    expect(searches).toHaveLength(Math.ceil(studies.length / APP_PAGE_SIZE));
    expect(network.to(`${sandbox.fhir}/Endpoint`)).toHaveLength(0);
    expect(new URL(searches[0]?.url ?? '').searchParams.get('_include')).toBe('ImagingStudy:endpoint');

    expect(await list.rows.count()).toBeLessThan(60);
    // The last page's study is reachable: its accession finds it.
    const last = studies.at(-1);
    if (!last) throw new Error('no studies');
    await list.search(accessionOf(last) ?? '');
    await expect(list.row(last.id)).toBeVisible();
    expect(await list.shown()).toBe(1);
  });

  test('filters and sort live in the URL and survive a reload', async ({ page, sandbox }) => {
    const list = await launch(page, sandbox, GENERATED_PATIENT_ID);
    const visible = studies.filter((study) => !isError(study));

    await list.filterModality('MR');
    const mr = visible.filter((study) => modalitiesOf(study).includes('MR'));
    await expect(list.count).toHaveAttribute('data-shown', String(mr.length));
    await expect(page).toHaveURL(/modality=MR/);

    await list.filterDates('2020-01-01', '2020-12-31');
    const mr2020 = mr.filter((study) => study.started && study.started.slice(0, 4) === '2020');
    await expect(list.count).toHaveAttribute('data-shown', String(mr2020.length));
    await expect(page).toHaveURL(/from=2020-01-01.*to=2020-12-31/);

    await list.sortBy('accession');
    const byAccession = [...mr2020].sort((a, b) =>
      (accessionOf(a) ?? '').localeCompare(accessionOf(b) ?? ''),
    );
    await expect(list.rows.first()).toHaveAttribute('data-study-id', byAccession[0]?.id ?? '');

    await page.reload();
    await list.waitUntilComplete();
    await expect(list.count).toHaveAttribute('data-shown', String(mr2020.length));
    await expect(list.rows.first()).toHaveAttribute('data-study-id', byAccession[0]?.id ?? '');
    await expect(page.getByTestId('filter-modality')).toHaveValue('MR');
  });

  test('free text searches description, procedure and accession', async ({ page, sandbox }) => {
    const list = await launch(page, sandbox, GENERATED_PATIENT_ID);
    const procedureOnly = studies.find(
      (study) => !study.description && !isError(study) && study.procedureCode,
    );
    const procedure = procedureOnly?.procedureCode?.[0]?.coding?.[0]?.display;
    if (!procedureOnly || !procedure) throw new Error('no study described only by its procedure');
    await list.search(procedure);
    const expected = studies.filter(
      (study) =>
        !isError(study) &&
        [study.description, study.procedureCode?.[0]?.coding?.[0]?.display, accessionOf(study)].some((text) =>
          text?.toLowerCase().includes(procedure.toLowerCase()),
        ),
    );
    await expect(list.count).toHaveAttribute('data-shown', String(expected.length));
    await expect(list.row(procedureOnly.id).getByTestId('study-description')).toHaveText(procedure);
  });

  test('rows scrolled into view get a Cornerstone preview of their first series', async ({
    page,
    sandbox,
  }) => {
    const withImages = Object.values(sandbox.studies).filter(
      (study) => study.patient === GENERATED_PATIENT_ID,
    );
    const first = withImages[0];
    if (!first) throw new Error('the generated patient has no study with images');
    const resource = studies.find((study) => study.id === first.id);
    if (!resource) throw new Error(`FHIR has no ImagingStudy/${first.id}`);
    const list = await launch(page, sandbox, GENERATED_PATIENT_ID);
    await list.search(accessionOf(resource) ?? '');
    await expect(list.row(first.id).getByTestId('study-thumbnail-canvas')).toHaveAttribute(
      'data-thumbnail-status',
      'ready',
    );
  });
});

test.describe('opening a study from the list', () => {
  test('uses the study the list holds: no second FHIR search, the same model in the row and the viewer', async ({
    page,
    sandbox,
    network,
  }) => {
    const { study, axial } = philipsAxialSeries(sandbox);
    const list = await launch(page, sandbox, study.patient);
    const searchesBefore = network.to(`${sandbox.fhir}/ImagingStudy`).length;
    const modalities = await list.row(study.id).getByTestId('study-modalities').textContent();

    await list.open(study.id);
    const viewer = new ViewerPage(page);
    await viewer.showSeries(axial.uid);

    expect(network.to(`${sandbox.fhir}/ImagingStudy`)).toHaveLength(searchesBefore);
    await expect(page).toHaveURL(new RegExp(`[?&]ImagingStudy=${study.id}(&|$)`));
    // Every series modality the row summarised is on a series thumbnail.
    for (const code of (modalities ?? '').split(', ').filter(Boolean))
      await expect(viewer.thumbnails.filter({ hasText: `${code} · Series` }).first()).toBeVisible();
    // "Copy link" still names the study by its UID, which any server can resolve.
    const copyLink = page.getByTestId('copy-link');
    await expect(copyLink).toHaveAttribute(
      'data-link',
      new RegExp(`StudyInstanceUIDs=${study.studyInstanceUid}`),
    );
  });
});

test.describe('status handling, IID and QIDO-RS fill-in', () => {
  let studies: FhirImagingStudy[] = [];
  let fhir: FhirTestClient;

  test.beforeAll(async ({ sandbox }) => {
    fhir = await FhirTestClient.forPatient(sandbox, SPARSE_PATIENT_ID);
    studies = await fhir.imagingStudies(SPARSE_PATIENT_ID);
  });

  test('entered-in-error behind a toggle, cancelled dimmed, registered has no images yet', async ({
    page,
    sandbox,
  }) => {
    const list = await launch(page, sandbox, SPARSE_PATIENT_ID);
    const errors = studies.filter(isError);
    expect(errors.length).toBeGreaterThan(0);
    await expect(list.rows).toHaveCount(studies.length - errors.length);
    for (const study of errors) await expect(list.row(study.id)).toHaveCount(0);

    await list.showEnteredInError(true);
    await expect(list.rows).toHaveCount(studies.length);
    for (const study of errors) {
      await expect(list.row(study.id).getByTestId('study-status')).toHaveText('entered in error');
      await expect(list.row(study.id).getByTestId('open-study')).toHaveCount(0);
    }

    // Dimmed by a lighter text colour, not by opacity, which would take its text below 4.5:1 contrast.
    const colourOf = (id: string) => list.row(id).evaluate((row) => getComputedStyle(row).color);
    const normal = studies.find((candidate) => candidate.status === 'registered');
    if (!normal) throw new Error('The sparse patient has no registered study.');
    for (const study of studies.filter((candidate) => candidate.status === 'cancelled')) {
      expect(await colourOf(study.id)).not.toBe(await colourOf(normal.id));
      expect(await list.row(study.id).evaluate((row) => getComputedStyle(row).opacity)).toBe('1');
    }
    for (const study of studies.filter((candidate) => candidate.status === 'registered')) {
      await expect(list.row(study.id).getByTestId('study-unavailable')).toContainText('No images yet');
      await expect(list.row(study.id).getByTestId('open-study')).toHaveCount(0);
    }
  });

  test('a study with an IHE IID endpoint links to the PACS viewer', async ({ page, sandbox }) => {
    const list = await launch(page, sandbox, SPARSE_PATIENT_ID);
    const study = studies.find((candidate) => candidate.id === NO_INSTANCES_STUDY_ID);
    const iidReference = study?.endpoint
      ?.map((reference) => reference.reference ?? '')
      .find((ref) => ref.includes('iid'));
    if (!study || !iidReference) throw new Error('no study with an IID endpoint');
    const endpoint = await fhir.read<{ address: string }>(iidReference);
    const uid = study.identifier
      ?.find((identifier) => identifier.system === 'urn:dicom:uid')
      ?.value?.replace('urn:oid:', '');
    await expect(list.row(study.id).getByTestId('open-in-pacs')).toHaveAttribute(
      'href',
      `${endpoint.address}?requestType=STUDY&studyUID=${uid}`,
    );
  });

  test('a study that lists no series is filled in over QIDO-RS, in the list and in the viewer', async ({
    page,
    sandbox,
    network,
  }) => {
    const study = sandbox.studies[NO_SERIES_STUDY_ID];
    const resource = studies.find((candidate) => candidate.id === NO_SERIES_STUDY_ID);
    if (!study || !resource) throw new Error('no sparse-no-series study');
    expect(resource.series ?? []).toHaveLength(0);
    const instances = study.series.reduce((total, series) => total + series.instances, 0);

    const list = await launch(page, sandbox, SPARSE_PATIENT_ID);
    const row = list.row(NO_SERIES_STUDY_ID);
    await expect(row.getByTestId('study-thumbnail-canvas')).toHaveAttribute('data-thumbnail-status', 'ready');

    await list.open(NO_SERIES_STUDY_ID);
    const viewer = new ViewerPage(page);
    await expect(viewer.thumbnails).toHaveCount(study.series.length);
    for (const [index, series] of study.series.entries()) {
      await expect(viewer.thumbnails.nth(index)).toHaveAttribute('data-series-uid', series.uid);
      await expect(viewer.thumbnail(series.uid)).toHaveAttribute('data-thumbnail-status', 'ready');
    }
    await viewer.waitForImage(study.series[0]?.uid ?? '');

    const qido = network.to(`${sandbox.pacs.a}/studies/${study.studyInstanceUid}/series`);
    expect(qido.some((request) => request.url.endsWith('/series'))).toBe(true);
    expect(qido.filter((request) => request.url.endsWith('/instances'))).toHaveLength(study.series.length);
    // pacs-a is the token-protected image server: QIDO carries the token, in a header only.
    for (const request of qido) {
      expect(request.authorization).toMatch(/^Bearer /);
      expect(request.url).not.toMatch(/token/i);
    }

    await page.getByRole('link', { name: /All studies/ }).click();
    await expect(list.row(NO_SERIES_STUDY_ID).getByTestId('study-series-count')).toHaveText(
      String(study.series.length),
    );
    await expect(list.row(NO_SERIES_STUDY_ID).getByTestId('study-instance-count')).toHaveText(
      String(instances),
    );
  });

  test('series listed without instances get theirs over QIDO-RS and open', async ({ page, sandbox }) => {
    const study = sandbox.studies[NO_INSTANCES_STUDY_ID];
    const series = study?.series[0];
    if (!study || !series) throw new Error('no sparse-no-instances study');
    await launch(page, sandbox, SPARSE_PATIENT_ID);
    await page.goto(`${sandbox.app}/viewer?StudyInstanceUIDs=${study.studyInstanceUid}`);
    const viewer = new ViewerPage(page);
    await expect(viewer.thumbnail(series.uid)).toContainText(`${series.instances} image`);
    await viewer.waitForImage(series.uid);
  });
});

test.describe('a preview that cannot be drawn says why, in the list and in the viewer', () => {
  test('a study only WADO-URI serves, and studies with no images yet', async ({ page, sandbox }) => {
    const list = await launch(page, sandbox, 'phantom');
    const preview = list.row(WADO_URI_STUDY_ID).getByTestId('study-thumbnail');
    await expect(preview).toHaveAttribute('data-status', 'none');
    await expect(preview.getByTestId('study-thumbnail-failure')).toHaveText('No preview: WADO-URI only');
    await expect(preview.getByTestId('study-thumbnail-failure')).toHaveAttribute(
      'aria-label',
      /WADO-URI only \(whole files\).*Open the study/,
    );

    const sparse = await launch(page, sandbox, SPARSE_PATIENT_ID);
    const registered = await sparse.rows.evaluateAll((rows) =>
      rows.filter((row) => row.dataset.status === 'registered').map((row) => row.dataset.studyId ?? ''),
    );
    expect(registered.length).toBeGreaterThan(0);
    for (const id of registered) {
      const failure = sparse.row(id).getByTestId('study-thumbnail-failure');
      await expect(failure).toHaveText('No preview');
      await expect(failure).toHaveAttribute('aria-label', /no images yet/i);
    }
    // Series listed without instances: QIDO-RS fills them in, and the preview is drawn, not refused.
    const filled = sparse.row(NO_INSTANCES_STUDY_ID);
    await expect(filled.getByTestId('study-thumbnail-canvas')).toHaveAttribute(
      'data-thumbnail-status',
      'ready',
    );
    await expect(filled.getByTestId('study-thumbnail-failure')).toHaveCount(0);
  });

  test('an image that fails to load: the row and the series thumbnail say so in words', async ({
    page,
    sandbox,
  }) => {
    // Every pixel request answers 404 (frames, rendered, whole instances); the metadata still comes.
    await page.route(
      (url) =>
        /\/studies\/[^/]+\/series\/[^/]+\/instances\/[^/]+(\/(frames|rendered)(\/.*)?)?$/.test(url.pathname),
      (route) => route.fulfill({ status: 404, body: 'gone' }),
    );
    const list = await launch(page, sandbox, 'phantom');
    const { study, series } = syntheticCtSeries(sandbox);
    const row = list.row(study.id);
    await expect(row.getByTestId('study-thumbnail-canvas')).toHaveAttribute('data-thumbnail-status', 'error');
    await expect(row.getByTestId('study-thumbnail-canvas')).toBeHidden();
    await expect(row.getByTestId('study-thumbnail-failure')).toHaveText('No preview: image failed');

    await list.open(study.id);
    const thumbnail = new ViewerPage(page).thumbnail(series.uid);
    await expect(thumbnail).toHaveAttribute('data-thumbnail-status', 'error');
    await expect(thumbnail.getByTestId('series-no-preview')).toHaveText('No preview');
    await expect(thumbnail.getByTestId('series-problem')).toHaveText(
      'Its preview image could not be loaded or drawn.',
    );
  });
});
