import { join } from 'node:path';
import type { SandboxInfo, StudyInfo } from '../sandbox/sandbox-info';
import { ensureSyntheticCtPrior } from '../sandbox/data/synthetic-ct-prior';
import { ensureSyntheticStudies } from '../sandbox/data/synthetic-ct';
import { PROJECT_ROOT } from '../sandbox/sandbox-options';
import { ComparePage } from './pages/compare-page';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { slicePositionsIn } from './support/dicom-reference';
import { expect, test } from './support/fixtures';

const CURRENT = 'phantom-synthetic-ct';
const PRIOR = 'phantom-synthetic-ct-prior';
const PHANTOM_DICOM = { id: 'PLASTIC', name: 'HEAD' };
const SAMPLE_DICOM = join(PROJECT_ROOT, 'sandbox', 'data', 'dicom');

function study(sandbox: SandboxInfo, id: string): StudyInfo {
  const found = sandbox.studies[id];
  if (!found) throw new Error(`The sandbox has no ${id}.`);
  return found;
}

/** Where each slice of the synthetic CT and of its prior is, read from their DICOM files. */
async function slicePositions() {
  const cache = join(PROJECT_ROOT, '.sandbox', 'cache');
  const current = slicePositionsIn((await ensureSyntheticStudies(cache, PHANTOM_DICOM)).ct);
  const prior = slicePositionsIn(await ensureSyntheticCtPrior(cache, PHANTOM_DICOM));
  const at = (positions: typeof current, uid: string) => {
    const position = positions.get(uid);
    if (!position) throw new Error(`No slice ${uid} in the reference files.`);
    return position;
  };
  /** How far apart (mm) a slice of the current study and one of the prior are (one frame of reference). */
  const distance = (currentUid: string, priorUid: string) => {
    const [a, b] = [at(current, currentUid), at(prior, priorUid)];
    return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  };
  /** The distance to the prior's nearest slice: the matching one is at this distance (ties allowed). */
  const nearestPrior = (currentUid: string) =>
    Math.min(...[...prior.keys()].map((priorUid) => distance(currentUid, priorUid)));
  return { distance, nearestPrior };
}

test.describe('Compare: a prior beside the current study', () => {
  test('opens the suggested prior; scrolling lands on the slice at the same DICOM position', async ({
    page,
    sandbox,
  }) => {
    // Two stacks loading side by side (one of 300 slices) on a shared two-core machine.
    test.slow();
    const current = study(sandbox, CURRENT);
    const prior = study(sandbox, PRIOR);
    const { distance, nearestPrior } = await slicePositions();
    await new EhrLauncherPage(page, sandbox).launch(current.patient);
    await new StudyListPage(page).open(current.id);
    await new ViewerPage(page).waitForImage(current.series[0]?.uid ?? '');

    const compare = new ComparePage(page);
    expect(await compare.openSuggestedPrior()).toBe(prior.studyInstanceUid);
    // Both studies are in the URL, the first one first.
    await expect(page).toHaveURL(
      new RegExp(`StudyInstanceUIDs=${current.studyInstanceUid}%2C${prior.studyInstanceUid}`),
    );
    await compare.waitForImage(0);
    await compare.waitForImage(1);

    // Each side says which study it is: the date, PRIOR on the older one only, the patient.
    await expect(compare.pane(0)).toHaveAttribute('data-study-uid', current.studyInstanceUid);
    await expect(compare.pane(1)).toHaveAttribute('data-study-uid', prior.studyInstanceUid);
    await expect(compare.pane(1).getByTestId('compare-pane-prior')).toHaveText('PRIOR');
    await expect(compare.viewport(1).getByTestId('overlay-prior')).toBeVisible();
    await expect(compare.pane(0).getByTestId('compare-pane-prior')).toHaveCount(0);
    await expect(compare.viewport(0).getByTestId('overlay-prior')).toHaveCount(0);
    await expect(compare.viewport(0).getByTestId('overlay-study-date')).toContainText('2026');
    await expect(compare.viewport(1).getByTestId('overlay-study-date')).toContainText('2025');
    for (const side of [0, 1] as const) {
      await expect(compare.viewport(side).getByTestId('overlay-patient-name')).not.toBeEmpty();
      await expect(compare.viewport(side)).toHaveAttribute('data-patient-match', 'match');
    }
    await expect(page.getByTestId('study-patient-mismatch')).toHaveCount(0);
    await expect(compare.syncMode).toHaveAttribute('data-mode', 'frame-of-reference');

    // Scrolling the current study: the prior follows to the slice nearest in position.
    const gap = async () => distance(await compare.shownInstance(0), await compare.shownInstance(1));
    for (const move of [() => compare.scroll(0, 23), () => page.keyboard.press('End')]) {
      await move();
      await compare.waitForImage(0);
      const nearest = nearestPrior(await compare.shownInstance(0));
      expect(nearest).toBeLessThanOrEqual(2.5);
      await expect.poll(gap).toBeCloseTo(nearest, 3);
    }
    await expect(compare.viewport(0)).toHaveAttribute('data-image-index', '299');

    // Scrolling the prior moves the current study too (both ways), to a slice within half a millimetre,
    // and the prior goes only the way the user scrolls it: the current's slices that load late (they
    // are still arriving) never pull it back.
    await expect(compare.viewport(1)).toHaveAttribute('data-image-index', '59');
    const priorIndices = await compare.recordShownIndices(1);
    await compare.scroll(1, -10);
    await expect(compare.viewport(1)).toHaveAttribute('data-image-index', '49');
    await expect.poll(gap).toBeLessThanOrEqual(0.5);
    const shown = await priorIndices();
    expect(shown, 'the slices the prior showed, in order').toEqual([...new Set(shown)].sort((a, b) => b - a));

    // Sync off: the prior stays where it is.
    await compare.syncSlices.uncheck();
    await expect(compare.syncMode).toHaveText(/not synchronised/);
    const priorShown = await compare.shownInstance(1);
    await compare.scroll(0, -5);
    await compare.waitForImage(0);
    await expect(compare.viewport(1)).toHaveAttribute('data-sop-instance-uid', priorShown);

    // Close compare: the one study again, as the URL says.
    await compare.closeButton.click();
    await expect(page).toHaveURL(new RegExp(`StudyInstanceUIDs=${current.studyInstanceUid}(&|$)`));
    await expect(compare.pane(0)).toHaveCount(0);
    await expect(page.getByTestId('viewport')).toHaveCount(1);
  });

  test('a deep link with two UIDs opens both, keeps them on reload, and warns on the mismatched one', async ({
    page,
    sandbox,
  }) => {
    // phantom-ge-head-ct keeps another patient's DICOM identity on purpose.
    const philips = study(sandbox, sandbox.twoPacsStudy);
    const ge = study(sandbox, 'phantom-ge-head-ct');
    await new EhrLauncherPage(page, sandbox).launch(philips.patient);
    await expect(new StudyListPage(page).count).toBeVisible();
    await page.goto(
      `${sandbox.app}/viewer?StudyInstanceUIDs=${philips.studyInstanceUid},${ge.studyInstanceUid}`,
    );

    const compare = new ComparePage(page);
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      await expect(compare.pane(0)).toHaveAttribute('data-study-uid', philips.studyInstanceUid);
      await expect(compare.pane(1)).toHaveAttribute('data-study-uid', ge.studyInstanceUid);
      await compare.waitForImage(0);
      await compare.waitForImage(1);
      await expect(compare.viewport(1)).toHaveAttribute('data-patient-match', 'mismatch');
      await expect(compare.viewport(1).getByTestId('viewport-patient-mismatch')).toBeVisible();
      await expect(compare.pane(1).getByTestId('study-patient-mismatch')).toBeVisible();
      await expect(compare.viewport(0)).toHaveAttribute('data-patient-match', 'match');
      await expect(compare.pane(0).getByTestId('study-patient-mismatch')).toHaveCount(0);
      // Two scanners, two frames of reference (and a gantry tilt): slices follow once aligned.
      await expect(compare.syncMode).toHaveAttribute('data-mode', 'aligned-position');
    }

    // The slices on screen when the viewports were linked are declared the same place; from there the
    // GE study follows the Philips one by position (shifted by that alignment), nearest slice in 3D.
    const philipsAt = slicePositionsIn(join(SAMPLE_DICOM, 'dcm_qa_ct-philips-S21570', 'S2010'));
    const geAt = slicePositionsIn(join(SAMPLE_DICOM, 'dcm_qa_ct-ge-head-tilt'));
    const where = (positions: typeof geAt, uid: string) => {
      const found = positions.get(uid);
      if (!found) throw new Error(`No reference file for ${uid}.`);
      return found;
    };
    const [p0, g0] = [
      where(philipsAt, await compare.shownInstance(0)),
      where(geAt, await compare.shownInstance(1)),
    ];
    const shift = [g0[0] - p0[0], g0[1] - p0[1], g0[2] - p0[2]];
    await compare.scroll(0, 9);
    await compare.waitForImage(0);
    const p = where(philipsAt, await compare.shownInstance(0));
    const target = [p[0] + (shift[0] ?? 0), p[1] + (shift[1] ?? 0), p[2] + (shift[2] ?? 0)];
    const distanceTo = (uid: string) => {
      const g = where(geAt, uid);
      return Math.hypot(g[0] - (target[0] ?? 0), g[1] - (target[1] ?? 0), g[2] - (target[2] ?? 0));
    };
    const nearest = Math.min(...[...geAt.keys()].map(distanceTo));
    await expect.poll(async () => distanceTo(await compare.shownInstance(1))).toBeCloseTo(nearest, 3);
    await expect(compare.viewport(1)).not.toHaveAttribute('data-image-index', '0');
  });

  test('two studies chosen in the list open side by side, the newer first', async ({ page, sandbox }) => {
    const current = study(sandbox, CURRENT);
    const prior = study(sandbox, PRIOR);
    await new EhrLauncherPage(page, sandbox).launch(current.patient);
    const list = new StudyListPage(page);
    await expect(list.count).toHaveAttribute('data-complete', 'true');
    await list.row(prior.id).getByTestId('select-compare').check();
    await list.row(current.id).getByTestId('select-compare').check();
    await page.getByTestId('compare-selected').click();

    const compare = new ComparePage(page);
    await expect(compare.pane(0)).toHaveAttribute('data-study-uid', current.studyInstanceUid);
    await expect(compare.pane(1)).toHaveAttribute('data-study-uid', prior.studyInstanceUid);
    await expect(compare.pane(1)).toHaveAttribute('data-prior', 'true');
    await compare.waitForImage(1);
  });

  test('a malformed second UID is said so, and the first study still opens', async ({ page, sandbox }) => {
    const current = study(sandbox, CURRENT);
    await new EhrLauncherPage(page, sandbox).launch(current.patient);
    await expect(new StudyListPage(page).count).toBeVisible();
    await page.goto(`${sandbox.app}/viewer?StudyInstanceUIDs=${current.studyInstanceUid},not-a-uid`);
    await expect(page.getByTestId('compare-problem')).toContainText('not-a-uid');
    await new ViewerPage(page).waitForImage(current.series[0]?.uid ?? '');
  });
});
