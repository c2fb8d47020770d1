import type { Locator, Page } from '@playwright/test';
import {
  BAD_DATE_STUDY_ID,
  HOSTILE_PATIENT_ID,
  LONG_DESCRIPTION_STUDY_ID,
  NULL_UID_STUDY_ID,
  TOKEN_REQUEST_STUDY_ID,
  longDescription,
} from '../sandbox/data/hostile-records-patient';
import type { SandboxInfo } from '../sandbox/sandbox-info';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';

/** Text from a record is data: shown as written, never rearranged, never over the patient's identity. */

async function launch(page: Page, sandbox: SandboxInfo): Promise<StudyListPage> {
  await new EhrLauncherPage(page, sandbox).launch(HOSTILE_PATIENT_ID);
  const list = new StudyListPage(page);
  await list.waitUntilComplete();
  return list;
}

/** The page is never wider than the window: no record text may push it sideways. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return box;
}

/** The identity as written, in logical order, the override shown rather than obeyed. */
async function expectRevealedIdentity(name: Locator): Promise<void> {
  await expect(name).toContainText('EVIL⟨U+202E⟩REVERSED, Record');
  expect(await name.evaluate((element) => element.textContent ?? '')).not.toContain('\u202E');
  await expect(name.getByTestId('invisible-characters-warning')).toHaveAttribute('aria-label', /U\+202E/);
}

test.describe('a patient whose records are hostile text and odd values', () => {
  test('the banner and the list say what the records hold, honestly labelled', async ({ page, sandbox }) => {
    const list = await launch(page, sandbox);
    await expectRevealedIdentity(page.getByTestId('patient-name'));
    await expect(page.getByTestId('patient-mrn')).toContainText('HOSTILE⟨U+200B⟩1');

    const long = list.row(LONG_DESCRIPTION_STUDY_ID);
    await expect(long.getByTestId('study-status')).toHaveText('unknown status (bogus)');
    // -3 series, 1.5 instances declared: counted from what the study lists instead.
    await expect(long.getByTestId('study-series-count')).toHaveText('2');
    await expect(long.getByTestId('study-instance-count')).toHaveText('2');
    const description = long.getByTestId('study-description');
    await expect(description).toHaveAttribute('title', longDescription());
    expect((await boxOf(description)).height).toBeLessThan(40);
    await expectNoHorizontalOverflow(page);

    await expect(list.row(BAD_DATE_STUDY_ID).getByTestId('study-date')).toHaveText('invalid date');
    const nullUid = list.row(NULL_UID_STUDY_ID).getByTestId('study-unavailable');
    await expect(nullUid).toContainText('has no value');
    await expect(nullUid).not.toContainText('no identifier has system');

    // An invalid date is never the newest, nor the oldest: it goes after every dated study.
    expect(await list.renderedIds()).toEqual([
      LONG_DESCRIPTION_STUDY_ID,
      NULL_UID_STUDY_ID,
      TOKEN_REQUEST_STUDY_ID,
      BAD_DATE_STUDY_ID,
    ]);
    await list.sortBy('date');
    await expect(page).toHaveURL(/dir=asc/);
    expect(await list.renderedIds()).toEqual([
      TOKEN_REQUEST_STUDY_ID,
      NULL_UID_STUDY_ID,
      LONG_DESCRIPTION_STUDY_ID,
      BAD_DATE_STUDY_ID,
    ]);
  });

  test('the viewer of a study without reachable images keeps its header, identity uncovered', async ({
    page,
    sandbox,
  }) => {
    const list = await launch(page, sandbox);
    await list.open(LONG_DESCRIPTION_STUDY_ID);
    const viewer = new ViewerPage(page);

    const header = page.getByTestId('viewer-header');
    await expect(header.getByTestId('viewer-study-description')).toContainText('CT CHEST LONG DESCRIPTION');
    expect((await boxOf(header)).height).toBeLessThan(250);
    await expect(header.getByTestId('viewer-study-status')).toHaveText('unknown status (bogus)');
    await expect(header.getByTestId('viewer-study-problems')).toContainText('share the Series Instance UID');
    // Both series stay listed: the duplicate is flagged, not merged away.
    await expect(viewer.thumbnails).toHaveCount(2);
    await expect(viewer.thumbnails.nth(1).getByTestId('series-error')).toContainText(
      'Duplicate Series Instance UID',
    );
    await expect(viewer.thumbnails.nth(0).getByTestId('series-error')).toHaveCount(0);

    const overlay = viewer.viewport;
    await expectRevealedIdentity(overlay.getByTestId('overlay-patient-name'));
    await expect(overlay.getByTestId('overlay-patient-id')).toContainText('HOSTILE⟨U+200B⟩1');
    const identity = await boxOf(overlay.getByTestId('overlay-patient'));
    const study = await boxOf(overlay.getByTestId('overlay-study'));
    const description = await boxOf(overlay.getByTestId('overlay-study-description'));
    const viewport = await boxOf(overlay);
    // Side by side, never overlapping, and the description clamped to two lines inside the viewport.
    expect(identity.x + identity.width).toBeLessThanOrEqual(study.x);
    expect(description.height).toBeLessThan(40);
    expect(study.y + study.height).toBeLessThan(viewport.y + viewport.height);
    await expectNoHorizontalOverflow(page);

    await page.screenshot({ path: '/tmp/wt-text-viewer.png' });
    await header.getByTestId('viewer-study-description-full').locator('summary').click();
    await expect(header.getByTestId('viewer-study-description-full')).toContainText('lorem ipsum');
    await expectNoHorizontalOverflow(page);
  });

  test('an invalid date reads "invalid date" in the viewer too', async ({ page, sandbox }) => {
    const list = await launch(page, sandbox);
    await list.open(BAD_DATE_STUDY_ID);
    await expect(page.getByTestId('viewer-study-date')).toHaveText('invalid date');
    await expect(new ViewerPage(page).viewport.getByTestId('overlay-study-date')).toHaveText('invalid date');
  });

  test('an empty or malformed deep-link UID says the link is malformed, not "not found"', async ({
    page,
    sandbox,
    network,
  }) => {
    await launch(page, sandbox);
    for (const uid of ['', 'abc', '1..2']) {
      await page.goto(`${sandbox.app}/viewer?StudyInstanceUIDs=${uid}`);
      await expect(page.getByTestId('deep-link-malformed')).toContainText('malformed');
      await expect(page.getByTestId('study-not-found')).toHaveCount(0);
    }
    // Nothing was searched for: a malformed UID is not a question for the server.
    const lookups = network
      .to(`${sandbox.fhir}/ImagingStudy`)
      .filter((request) => request.url.includes('identifier'));
    expect(lookups).toHaveLength(0);
  });
});
