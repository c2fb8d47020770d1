import type { BrowserContext, Page } from '@playwright/test';
import type { SandboxInfo } from '../sandbox/sandbox-info';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StartPage } from './pages/start-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';
import { FhirTestClient } from './support/fhir-test-client';

const PATIENT = 'phantom';
const OTHER_PATIENT = 'colour';

/**
 * EHR launch, then wait for the list: the launcher page object returns as soon as the URL leaves
 * /launch, i.e. possibly on /callback before the code exchange ends; navigating then would cut it.
 */
async function launchAndWait(page: Page, sandbox: SandboxInfo, patientId: string): Promise<void> {
  await new EhrLauncherPage(page, sandbox).launch(patientId);
  await expect(new StudyListPage(page).count).toBeVisible();
}

/** The Study Instance UID of an ImagingStudy as the FHIR server holds it (R4 identifier). */
function studyUidOf(study: { identifier?: { system?: string; value?: string }[] }): string {
  const value = study.identifier?.find((identifier) => identifier.system === 'urn:dicom:uid')?.value;
  if (!value) throw new Error('The FHIR study has no urn:dicom:uid identifier.');
  return value.replace(/^urn:oid:/, '');
}

/** An EHR launch, then the two-PACS study opened from the list, in a context that may use the clipboard. */
async function openTwoPacsStudy(page: Page, context: BrowserContext, sandbox: SandboxInfo) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.app ?? '' });
  const study = sandbox.studies[sandbox.twoPacsStudy];
  if (!study) throw new Error('no two-PACS study');
  await new EhrLauncherPage(page, sandbox).launch(PATIENT);
  await new StudyListPage(page).open(study.id);
  return { study, viewer: new ViewerPage(page) };
}

/** "Copy link" in the viewer: the link the clipboard then holds. */
async function copyLink(page: Page): Promise<string> {
  await page.getByTestId('copy-link').click();
  await expect(page.getByRole('status')).toContainText('Link copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

test.describe('deep links land on one study of the patient in context', () => {
  test('a link opened in a tab without a session: start page, patient picker, then the study and series', async ({
    page,
    sandbox,
  }) => {
    const fhir = await FhirTestClient.forPatient(sandbox, PATIENT);
    const study = (await fhir.imagingStudies(PATIENT)).find(
      (candidate) => candidate.id === sandbox.twoPacsStudy,
    );
    if (!study) throw new Error(`FHIR has no ImagingStudy/${sandbox.twoPacsStudy}.`);
    const series = study.series?.at(-1);
    if (!series) throw new Error('The study lists no series.');
    const uid = studyUidOf(study);

    await page.goto(`${sandbox.app}/viewer?StudyInstanceUIDs=${uid}&SeriesInstanceUID=${series.uid}`);
    const start = new StartPage(page);
    await expect(start.noSession).toBeVisible();
    await start.signInAndPick(PATIENT);

    await expect(page).toHaveURL(/\/viewer\?/);
    await expect(page.getByTestId('viewer-study-description')).toHaveText(study.description ?? '');
    const viewer = new ViewerPage(page);
    await viewer.waitForImage(series.uid);
    await expect(viewer.thumbnail(series.uid)).toHaveAttribute('aria-pressed', 'true');
  });

  test('an EHR launch URL carrying StudyInstanceUIDs lands on that study', async ({ page, sandbox }) => {
    const fhir = await FhirTestClient.forPatient(sandbox, PATIENT);
    const studies = await fhir.imagingStudies(PATIENT);
    const study = studies.find((candidate) => candidate.id !== sandbox.twoPacsStudy && candidate.description);
    if (!study) throw new Error('The phantom patient has no second described study.');
    const launch = await fetch(`${sandbox.ehr}/api/launch?patient=${PATIENT}`);
    const { launchUrl } = (await launch.json()) as { launchUrl: string };

    await page.goto(`${launchUrl}&StudyInstanceUIDs=${studyUidOf(study)}`);

    await expect(page).toHaveURL(/\/viewer\?StudyInstanceUIDs=/);
    await expect(page.getByTestId('viewer-study-description')).toHaveText(study.description ?? '');
  });

  test('an IHE IID STUDY request opens the study; a PATIENT request shows the list', async ({
    page,
    sandbox,
  }) => {
    const fhir = await FhirTestClient.forPatient(sandbox, PATIENT);
    const studies = await fhir.imagingStudies(PATIENT);
    const study = studies.find((candidate) => candidate.id === sandbox.twoPacsStudy);
    if (!study) throw new Error('no two-PACS study');
    const patient = await fhir.read<{ identifier?: { value?: string }[] }>(`Patient/${PATIENT}`);

    await launchAndWait(page, sandbox, PATIENT);
    await page.goto(`${sandbox.app}/?requestType=STUDY&studyUID=${studyUidOf(study)}`);
    await expect(page.getByTestId('viewer-study-description')).toHaveText(study.description ?? '');

    await page.goto(
      `${sandbox.app}/viewer?requestType=PATIENT&patientID=${patient.identifier?.[0]?.value ?? ''}`,
    );
    await expect(page).toHaveURL(`${sandbox.app}/`);
    await expect(new StudyListPage(page).rows).toHaveCount(studies.length);

    await page.goto(`${sandbox.app}/viewer?requestType=PATIENT&patientID=SOMEONE-ELSE`);
    await expect(page.getByTestId('patient-mismatch')).toContainText('SOMEONE-ELSE');
  });

  test('an unknown UID, and another patient’s study, are “not found for this patient”', async ({
    page,
    sandbox,
    network,
  }) => {
    const other = await FhirTestClient.forPatient(sandbox, OTHER_PATIENT);
    const [otherStudy] = await other.imagingStudies(OTHER_PATIENT);
    if (!otherStudy) throw new Error('The colour patient has no study.');
    const otherUid = studyUidOf(otherStudy);

    await launchAndWait(page, sandbox, PATIENT);
    await page.goto(`${sandbox.app}/viewer?StudyInstanceUIDs=1.2.3.999999`);
    await expect(page.getByTestId('study-not-found')).toContainText('not found for this patient');

    await page.goto(`${sandbox.app}/viewer?StudyInstanceUIDs=${otherUid}`);
    await expect(page.getByTestId('study-not-found')).toContainText(otherUid);
    await expect(page.getByTestId('viewport')).toHaveCount(0);

    // The lookup is one FHIR search within the patient in context, not a walk through the list.
    const lookups = network
      .to(`${sandbox.fhir}/ImagingStudy`)
      .filter((request) => request.url.includes(otherUid));
    expect(lookups.length).toBeGreaterThan(0);
    for (const request of lookups) {
      const params = new URL(request.url).searchParams;
      expect(params.get('patient')).toBe(PATIENT);
      expect(params.get('identifier')).toBe(`urn:dicom:uid|urn:oid:${otherUid}`);
    }
  });

  test('“copy link” gives a link that reopens the same study and series', async ({
    page,
    context,
    sandbox,
  }) => {
    const { study, viewer } = await openTwoPacsStudy(page, context, sandbox);
    const series = study.series.at(-1);
    if (!series) throw new Error('the two-PACS study lists no series');
    await viewer.thumbnail(series.uid).click();
    await viewer.waitForImage(series.uid);
    const link = await copyLink(page);
    expect(new URL(link).searchParams.get('StudyInstanceUIDs')).toBe(study.studyInstanceUid);
    expect(new URL(link).searchParams.get('SeriesInstanceUID')).toBe(series.uid);

    await page.goto('about:blank');
    await page.goto(link);
    await viewer.waitForImage(series.uid);
    await expect(viewer.thumbnail(series.uid)).toHaveAttribute('aria-pressed', 'true');
  });

  test('a study opened without a series keeps its URL as it is, and its copied link names the series shown', async ({
    page,
    context,
    sandbox,
  }) => {
    const { viewer } = await openTwoPacsStudy(page, context, sandbox);
    const shown = await viewer.viewport.getAttribute('data-series-uid');
    if (!shown) throw new Error('the viewport names no series');
    await viewer.waitForImage(shown);
    // Nothing was written into the URL when the viewer opened (a navigation would re-render the route).
    expect(new URL(page.url()).searchParams.has('SeriesInstanceUID')).toBe(false);
    const link = await copyLink(page);
    expect(new URL(link).searchParams.get('SeriesInstanceUID')).toBe(shown);
  });
});
