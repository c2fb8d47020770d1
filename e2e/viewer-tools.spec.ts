import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import type { SandboxInfo } from '../sandbox/sandbox-info';
import { PROJECT_ROOT } from '../sandbox/sandbox-options';
import { ensureSyntheticStudies, SYNTHETIC_CT_SLICES } from '../sandbox/data/synthetic-ct';
import {
  filesInSliceOrder,
  pearson,
  readUncompressedDicom,
  windowedGrid,
  type DicomImage,
} from './support/dicom-reference';
import { expect, test } from './support/fixtures';
import { holdSyntheticCtMiddle, philipsAxialSeries, syntheticCtSeries } from './support/sandbox-studies';

const PHILIPS_AXIAL = 'sandbox/data/dicom/dcm_qa_ct-philips-S21570/S2010';
const GRID = 16;

async function openPhilipsAxial(
  page: Page,
  sandbox: SandboxInfo,
): Promise<{ viewer: ViewerPage; images: DicomImage[]; uid: string }> {
  const { study, axial } = philipsAxialSeries(sandbox);
  const images = filesInSliceOrder(readdirSync(PHILIPS_AXIAL).map((name) => join(PHILIPS_AXIAL, name))).map(
    readUncompressedDicom,
  );
  await new EhrLauncherPage(page, sandbox).launch(study.patient);
  await new StudyListPage(page).open(study.id);
  const viewer = new ViewerPage(page);
  await viewer.showSeries(axial.uid);
  await expect(viewer.viewport).toHaveAttribute('data-image-index', '0');
  return { viewer, images, uid: axial.uid };
}

/** The grid as the screen shows it after a transform of the image (rotation, flip). */
function transformGrid(
  grid: readonly number[],
  size: number,
  map: (x: number, y: number) => [number, number],
): number[] {
  const out = new Array<number>(size * size).fill(0);
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1) {
      const [sx, sy] = map(x, y);
      out[y * size + x] = grid[sy * size + sx] ?? 0;
    }
  return out;
}

/** The slice the screen shows: the best-correlated reference at the displayed window. */
async function shownSlice(
  viewer: ViewerPage,
  images: readonly DicomImage[],
): Promise<{ best: number; score: number }> {
  const { center, width } = await viewer.window();
  const shown = await viewer.displayedGrid(GRID);
  const scores = images.map((image) => pearson(shown, windowedGrid(image, center, width, GRID)));
  const score = Math.max(...scores);
  return { best: scores.indexOf(score), score };
}

test.describe('viewer tools, checked against the DICOM pixels', () => {
  test('W/L by drag and by preset changes the pixels exactly as the new window says', async ({
    page,
    sandbox,
  }) => {
    const { viewer, images } = await openPhilipsAxial(page, sandbox);
    const before = await viewer.window();
    await viewer.drag([0.5, 0.5], [0.7, 0.6]);
    await expect.poll(async () => (await viewer.window()).width).not.toBe(before.width);
    const dragged = await viewer.window();
    const reference = images[0];
    if (!reference) throw new Error('no slice');
    const shown = await viewer.displayedGrid(GRID);
    expect(pearson(shown, windowedGrid(reference, dragged.center, dragged.width, GRID))).toBeGreaterThan(
      0.98,
    );

    await viewer.press('4'); // brain 80/40
    await expect(viewer.viewport).toHaveAttribute('data-window-width', '80');
    await expect(viewer.viewport).toHaveAttribute('data-window-center', '40');
    const brain = await viewer.displayedGrid(GRID);
    expect(pearson(brain, windowedGrid(reference, 40, 80, GRID))).toBeGreaterThan(0.98);

    await viewer.toolbarButton('preset-lung').click();
    await expect(viewer.viewport).toHaveAttribute('data-window-width', '1500');
    await expect(viewer.viewport).toHaveAttribute('data-window-center', '-600');
    expect(
      pearson(await viewer.displayedGrid(GRID), windowedGrid(reference, -600, 1500, GRID)),
    ).toBeGreaterThan(0.98);
  });

  test('keys step through the stack and the right slice is shown', async ({ page, sandbox }) => {
    const { viewer, images } = await openPhilipsAxial(page, sandbox);
    await viewer.press('ArrowDown');
    await viewer.press('ArrowDown');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '2');
    expect(await shownSlice(viewer, images)).toMatchObject({ best: 2 });
    await viewer.press('End');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '27');
    const last = await shownSlice(viewer, images);
    expect(last.best).toBe(27);
    expect(last.score).toBeGreaterThan(0.95);
    await viewer.press('ArrowUp');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '26');
    await viewer.press('Home');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '0');
    expect(await shownSlice(viewer, images)).toMatchObject({ best: 0 });
  });

  test('a jump made while a scroll waits for its slice stays where it jumped', async ({ page, sandbox }) => {
    // Every slice but the two ends is held back: a wheel notch onto slice 1 has to wait for it.
    const { study, series } = syntheticCtSeries(sandbox);
    const held = await holdSyntheticCtMiddle(page, sandbox, series);
    const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
    await viewer.waitForImage(series.uid, 0);
    await viewer.scroll(1);
    await viewer.press('End');
    await viewer.waitForImage(series.uid, SYNTHETIC_CT_SLICES - 1);
    // Cornerstone defers a move onto a slice not loaded by 40 ms: ten times that, and the jump still
    // holds (it used to land the deferred move afterwards, back on slice 1).
    await page.waitForTimeout(400);
    await expect(viewer.viewport).toHaveAttribute('data-image-index', String(SYNTHETIC_CT_SLICES - 1));
    await expect(viewer.viewport).toHaveAttribute('data-image-pending', 'false');
    held.release();
  });

  test('invert, rotate and flip move the pixels where they should; reset undoes all', async ({
    page,
    sandbox,
  }) => {
    const { viewer, images } = await openPhilipsAxial(page, sandbox);
    const reference = images[0];
    if (!reference) throw new Error('no slice');
    const { center, width } = await viewer.window();
    const expected = windowedGrid(reference, center, width, GRID);
    const n = GRID;

    await viewer.press('i');
    await expect(viewer.viewport).toHaveAttribute('data-invert', 'true');
    expect(
      pearson(
        await viewer.displayedGrid(GRID),
        expected.map((v) => 255 - v),
      ),
    ).toBeGreaterThan(0.98);
    await viewer.press('i');
    await expect(viewer.viewport).toHaveAttribute('data-invert', 'false');

    await viewer.press('r');
    await expect(viewer.viewport).toHaveAttribute('data-rotation', '90');
    // Rotated 90° clockwise: the screen's (x, y) shows the image's (y, n-1-x).
    const rotated = transformGrid(expected, n, (x, y) => [y, n - 1 - x]);
    expect(pearson(await viewer.displayedGrid(GRID), rotated)).toBeGreaterThan(0.95);

    // Space resets unless a control has focus (then it presses that control): the thumbnail clicked
    // to open the series still has it, so a click on plain text gives focus back to the page first.
    await page.getByTestId('viewer-study-description').click();
    await viewer.press(' ');
    await expect(viewer.viewport).toHaveAttribute('data-rotation', '0');
    await viewer.toolbarButton('command-flip-horizontal').click();
    await expect(viewer.viewport).toHaveAttribute('data-flip-horizontal', 'true');
    const mirrored = transformGrid(expected, n, (x, y) => [n - 1 - x, y]);
    expect(pearson(await viewer.displayedGrid(GRID), mirrored)).toBeGreaterThan(0.95);

    await viewer.drag([0.5, 0.5], [0.5, 0.8], 'right');
    await expect
      .poll(async () => Number(await viewer.viewport.getAttribute('data-zoom')))
      .toBeGreaterThan(1.05);
    await viewer.press('4');
    await viewer.press(' ');
    await expect(viewer.viewport).toHaveAttribute('data-flip-horizontal', 'false');
    await expect(viewer.viewport).toHaveAttribute('data-zoom', '1');
    await expect(viewer.viewport).toHaveAttribute('data-window-width', String(width));
    expect(pearson(await viewer.displayedGrid(GRID), expected)).toBeGreaterThan(0.98);
  });

  test('cine plays through the stack and stops on a slice that is really shown', async ({
    page,
    sandbox,
  }) => {
    const { viewer, images } = await openPhilipsAxial(page, sandbox);
    await viewer.page.getByTestId('cine-fps').fill('20');
    // Keys typed in the fps box stay there: the viewport gets them once it has the focus back.
    await viewer.viewport.click();
    await viewer.press('c');
    await expect(viewer.viewport).toHaveAttribute('data-cine', 'playing');
    const seen = new Set<string>();
    await expect
      .poll(async () => {
        seen.add((await viewer.viewport.getAttribute('data-image-index')) ?? '');
        return seen.size;
      })
      .toBeGreaterThanOrEqual(4);
    await viewer.press('c');
    await expect(viewer.viewport).toHaveAttribute('data-cine', 'stopped');
    const index = await viewer.imageIndex();
    await page.waitForTimeout(300);
    expect(await viewer.imageIndex(), 'stopped means stopped').toBe(index);
    const shown = await shownSlice(viewer, images);
    expect(shown.best).toBe(index);
  });

  test('an ellipse ROI on CT reports the HU mean the DICOM has there', async ({ page, sandbox }) => {
    const synthetic = sandbox.studies['phantom-synthetic-ct'];
    const series = synthetic?.series[0];
    if (!synthetic || !series) throw new Error('The sandbox has no synthetic CT.');
    const folders = await ensureSyntheticStudies(join(PROJECT_ROOT, '.sandbox', 'cache'), {
      id: 'PLASTIC',
      name: 'HEAD',
    });
    const slice = readUncompressedDicom(join(folders.ct, 'slice-001.dcm'));

    await new EhrLauncherPage(page, sandbox).launch(synthetic.patient);
    await new StudyListPage(page).open(synthetic.id);
    const viewer = new ViewerPage(page);
    await viewer.waitForImage(series.uid, 0);
    await expect(viewer.viewport).toHaveAttribute('data-image-count', String(SYNTHETIC_CT_SLICES));

    // A circle of radius 30 px centred on pixel (256, 150): soft tissue with noise, next to nothing else.
    const [cx, cy, r] = [256, 150, 30];
    let sum = 0;
    let count = 0;
    for (let y = cy - r; y <= cy + r; y += 1)
      for (let x = cx - r; x <= cx + r; x += 1)
        if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) {
          sum += slice.values[y * slice.columns + x] ?? 0;
          count += 1;
        }
    const expectedMean = sum / count;

    await viewer.press('e');
    await expect(viewer.toolbarButton('tool-ellipse')).toHaveAttribute('aria-pressed', 'true');
    const centre = await viewer.screenPointOf(cx, cy, 512, 512);
    const edge = await viewer.screenPointOf(cx + r, cy + r, 512, 512);
    await viewer.dragPixels(centre, edge);
    const measurement = viewer.viewport.getByTestId('measurement');
    await expect(measurement).toHaveCount(1);
    await expect(measurement).toHaveAttribute('data-mean', /\d/);
    // As for the length below: read the statistics once the finished ellipse's area has settled.
    await expect
      .poll(async () => Number(await measurement.getAttribute('data-area')))
      .toBeGreaterThan(Math.PI * 15 * 15 * 0.9);
    const mean = Number(await measurement.getAttribute('data-mean'));
    const area = Number(await measurement.getAttribute('data-area'));
    expect(Math.abs(mean - expectedMean), `mean ${mean} vs ${expectedMean} HU`).toBeLessThan(1.5);
    // 0.5 mm pixels: π · 15² mm².
    expect(area).toBeGreaterThan(Math.PI * 15 * 15 * 0.9);
    expect(area).toBeLessThan(Math.PI * 15 * 15 * 1.1);
    await expect(measurement).toContainText('HU');

    // Kept per image: away and back, it is still there; on another image it is not.
    await viewer.press('ArrowDown');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '1');
    await expect(measurement).toHaveCount(0);
    await viewer.press('ArrowUp');
    await expect(measurement).toHaveCount(1);
    await viewer.press('Delete');
    await expect(measurement).toHaveCount(0);

    // A length across 120 pixels of 0.5 mm: 60 mm.
    await viewer.press('d');
    await viewer.dragPixels(
      await viewer.screenPointOf(150, 300, 512, 512),
      await viewer.screenPointOf(270, 300, 512, 512),
    );
    await expect(measurement).toHaveAttribute('data-tool', 'length');
    // The statistics follow the drag asynchronously (a first read once saw the 9th of 10 steps: 54 mm):
    // wait for the value the finished line settles on, with the same tolerance.
    await expect
      .poll(async () => Math.abs(Number(await measurement.getAttribute('data-length')) - 60))
      .toBeLessThan(1.5);
    await expect(measurement).toContainText('mm');
  });

  test('layouts, drag a series onto a viewport, the active one is marked, and ? lists the keys', async ({
    page,
    sandbox,
  }) => {
    const study = sandbox.studies[sandbox.twoPacsStudy];
    if (!study) throw new Error('no study');
    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
    const [first, second, third] = study.series;
    if (!first || !second || !third) throw new Error('The two-PACS study needs three series.');
    await viewer.waitForImage(first.uid);
    await viewer.toolbarButton('layout-2x2').click();
    await expect(page.getByTestId('viewport')).toHaveCount(4);
    await viewer.toolbarButton('layout-1x2').click();
    await expect(page.getByTestId('viewport')).toHaveCount(2);
    await expect(viewer.viewportAt(1)).toHaveAttribute('data-series-uid', second.uid);

    await viewer.thumbnail(third.uid).dragTo(viewer.viewportAt(1));
    await expect(viewer.viewportAt(1)).toHaveAttribute('data-series-uid', third.uid);
    await expect(viewer.viewportAt(1)).toHaveAttribute('data-active', 'true');
    await expect(viewer.viewportAt(0)).toHaveAttribute('data-active', 'false');
    await expect(viewer.viewportAt(1)).toHaveAttribute('data-transfer-syntax', /\d/);

    await viewer.viewportAt(0).click();
    await expect(viewer.viewportAt(0)).toHaveAttribute('data-active', 'true');
    await viewer.press('PageDown');
    await expect(viewer.viewportAt(0)).toHaveAttribute('data-series-uid', second.uid);

    await viewer.press('?');
    await expect(page.getByTestId('shortcut-help')).toBeVisible();
    await expect(page.getByTestId('shortcut-row')).toHaveCount(27);
    await viewer.press('Escape');
    await expect(page.getByTestId('shortcut-help')).toHaveCount(0);
    await viewer.press('?');
    await page
      .getByRole('dialog', { name: 'Keyboard shortcuts' })
      .getByRole('button', { name: 'Close' })
      .click();
    await expect(page.getByTestId('shortcut-help')).toHaveCount(0);
  });

  test('the open series is prefetched, with progress on its thumbnail', async ({ page, sandbox }) => {
    const { viewer, uid } = await openPhilipsAxial(page, sandbox);
    const progress = viewer.thumbnail(uid).getByTestId('series-progress');
    await expect(progress).toHaveAttribute('data-total', '28');
    await expect(progress).toHaveAttribute('data-loaded', '28');
  });
});
