import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { PROJECT_ROOT } from '../sandbox/sandbox-options';
import {
  ENCODING_BLOCK,
  ENCODING_IMAGE_SIZE,
  encodingFileName,
  ensurePixelEncodingStudy,
  PIXEL_ENCODINGS,
  STACK_IMAGES,
} from '../sandbox/data/synthetic-pixel-encodings';
import type { SandboxInfo, StudyInfo } from '../sandbox/sandbox-info';
import { pearson, readUncompressedDicom, windowedGrid } from './support/dicom-reference';
import { expect, test } from './support/fixtures';

const GRID = 16;
const SIZE = ENCODING_IMAGE_SIZE;

function encodingsStudy(sandbox: SandboxInfo): StudyInfo {
  const study = sandbox.studies['phantom-pixel-encodings'];
  if (!study) throw new Error('The sandbox has no pixel-encodings study.');
  return study;
}

const folder = () =>
  ensurePixelEncodingStudy(join(PROJECT_ROOT, '.sandbox', 'cache'), { id: 'PLASTIC', name: 'HEAD' });

/** The first window of the file that DICOM allows (width ≥ 1), as the file itself says. */
function firstValidWindow(center: string, width: string): { center: number; width: number } | null {
  const centers = center.split('\\').map(Number);
  const widths = width.split('\\').map(Number);
  const index = widths.findIndex((w, i) => w >= 1 && Number.isFinite(centers[i]));
  return index < 0 ? null : { center: centers[index] ?? 0, width: widths[index] ?? 0 };
}

test.describe('pixels are the DICOM modality values, for every bit layout and rescale', () => {
  test('each encoding is drawn at its window and measured in modality units', async ({ page, sandbox }) => {
    test.setTimeout(120_000);
    const study = encodingsStudy(sandbox);
    const dir = await folder();
    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
    const results: string[] = [];
    for (const [index, encoding] of PIXEL_ENCODINGS.entries()) {
      const series = study.series.find((candidate) => candidate.description === encoding.name);
      if (!series) throw new Error(`no series ${encoding.name}`);
      const reference = readUncompressedDicom(join(dir, encodingFileName(index)));
      await viewer.showSeries(series.uid);
      const own = encoding.window ? firstValidWindow(encoding.window.center, encoding.window.width) : null;
      if (own) {
        await expect(viewer.viewport, encoding.name).toHaveAttribute('data-window-width', String(own.width));
        await expect(viewer.viewport, encoding.name).toHaveAttribute(
          'data-window-center',
          String(own.center),
        );
      }
      const { center, width } = await viewer.window();
      // No valid window in the file: the modality range, never a threshold or an inversion.
      if (!own)
        expect(width, `${encoding.name} falls back to its range`).toBeGreaterThan(
          encoding.high - encoding.low - 2,
        );
      const shown = await viewer.displayedGrid(GRID);
      const voiFunction = encoding.voiLutFunction ?? 'LINEAR';
      const expected = windowedGrid(reference, center, width, GRID, voiFunction);
      const r = pearson(shown, expected);
      const errorFrom = (grid: readonly number[]) =>
        shown.reduce((sum, v, i) => sum + Math.abs(v - (grid[i] ?? 0)), 0) / shown.length;
      const meanError = errorFrom(expected);
      results.push(
        `${encoding.name}: r=${r.toFixed(3)} mean |Δ|=${meanError.toFixed(1)} W ${width} L ${center} ${voiFunction}`,
      );
      expect.soft(r, `${encoding.name} correlates with the file`).toBeGreaterThan(0.98);
      expect.soft(meanError, `${encoding.name} grey levels match the file`).toBeLessThan(12);
      if (voiFunction !== 'LINEAR') {
        // Drawn through its own function, not the linear window (which correlates as well).
        const linearError = errorFrom(windowedGrid(reference, center, width, GRID));
        results.push(`  through a linear window instead: mean |Δ|=${linearError.toFixed(1)}`);
        expect.soft(meanError, `${encoding.name} is not drawn linearly`).toBeLessThan(linearError / 2);
      }

      // An ellipse inside the constant block: its mean is the block's modality value.
      await viewer.press('e');
      const cx = (ENCODING_BLOCK.x0 + ENCODING_BLOCK.x1) / 2;
      const cy = (ENCODING_BLOCK.y0 + ENCODING_BLOCK.y1) / 2;
      await viewer.dragPixels(
        await viewer.screenPointOf(cx, cy, SIZE, SIZE),
        await viewer.screenPointOf(cx + 10, cy + 10, SIZE, SIZE),
      );
      const measurement = viewer.viewport.getByTestId('measurement');
      await expect(measurement).toHaveCount(1);
      await expect(measurement).toHaveAttribute('data-mean', /\d/);
      await expect
        .poll(async () => Number(await measurement.getAttribute('data-area')))
        .toBeGreaterThan(Math.PI * 10 * 10 * 0.8);
      const mean = Number(await measurement.getAttribute('data-mean'));
      results.push(`  ROI mean ${mean} (file ${encoding.high})`);
      expect
        .soft(Math.abs(mean - encoding.high), `${encoding.name} ROI mean ${mean} vs ${encoding.high}`)
        .toBeLessThan(Math.max(0.5, Math.abs(encoding.high) * 1e-5));
      await viewer.press('Delete');
      await viewer.press('w');
    }
    console.log(results.join('\n'));
  });

  test('from an image whose only window is invalid, a W/L drag never inverts', async ({ page, sandbox }) => {
    const study = encodingsStudy(sandbox);
    const index = PIXEL_ENCODINGS.findIndex((encoding) => encoding.name === 'u16 CT x16, window -400 only');
    const series = study.series.find((candidate) => candidate.description === PIXEL_ENCODINGS[index]?.name);
    if (!series) throw new Error('no series with an invalid window');
    const reference = readUncompressedDicom(join(await folder(), encodingFileName(index)));
    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
    await viewer.showSeries(series.uid);
    const before = await viewer.window();
    // Leftward narrows the window: far past zero width.
    await viewer.drag([0.9, 0.5], [0.05, 0.5]);
    await expect.poll(async () => (await viewer.window()).width).toBeLessThan(before.width);
    const { center, width } = await viewer.window();
    expect(width).toBeGreaterThanOrEqual(1);
    const r = pearson(await viewer.displayedGrid(GRID), windowedGrid(reference, center, width, GRID));
    expect(r, `W ${width} L ${center}: same polarity as the file`).toBeGreaterThan(0.9);
  });

  test('a frame that fails shows its failure, never the previous image under its label', async ({
    page,
    sandbox,
  }) => {
    const study = encodingsStudy(sandbox);
    const stack = study.series.find((candidate) => candidate.description === 'stack');
    if (!stack) throw new Error('no stack series');
    const dir = await folder();
    const sopOf = (k: number) => {
      const bytes = readFileSync(join(dir, `stack-${k + 1}.dcm`));
      return dicomParser.parseDicom(new Uint8Array(bytes), { untilTag: 'x7fe00010' }).string('x00080018');
    };
    const references = Array.from({ length: STACK_IMAGES }, (_, k) =>
      readUncompressedDicom(join(dir, `stack-${k + 1}.dcm`)),
    );
    // Image 2 arrives truncated (a well-formed answer with half the bytes), image 3 is refused.
    await page.route(`**/instances/${sopOf(1)}/frames/**`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Content-Type': 'multipart/related; type="application/octet-stream"; boundary=x' },
        body: Buffer.concat([
          Buffer.from(
            '--x\r\nContent-Type: application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1\r\n\r\n',
          ),
          Buffer.alloc(SIZE * SIZE, 0x7f),
          Buffer.from('\r\n--x--\r\n'),
        ]),
      }),
    );
    await page.route(`**/instances/${sopOf(2)}/frames/**`, (route) => route.fulfill({ status: 404 }));

    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    const viewer = new ViewerPage(page);
    await viewer.showSeries(stack.uid);
    const element = viewer.viewport.getByTestId('viewport-element');
    const error = viewer.viewport.getByTestId('viewport-error');
    const shownIs = async (k: number) => {
      const { center, width } = await viewer.window();
      const grid = await viewer.displayedGrid(GRID);
      const scores = references.map((reference) =>
        pearson(grid, windowedGrid(reference, center, width, GRID)),
      );
      expect(scores.indexOf(Math.max(...scores)), `image ${k + 1} is the one drawn`).toBe(k);
    };
    await expect(element).toHaveAttribute('data-image-failed', 'false');
    await shownIs(0);

    await viewer.press('ArrowDown');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '1');
    await expect(error).toContainText('truncated');
    await expect(element).toHaveAttribute('data-image-failed', 'true');
    await expect(element).toHaveCSS('opacity', '0');
    await expect(viewer.viewport.getByTestId('overlay-image-index')).toContainText(`Im 2/${STACK_IMAGES}`);

    await viewer.press('ArrowDown');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '2');
    await expect(error).toContainText('404');
    await expect(element).toHaveCSS('opacity', '0');

    await viewer.press('ArrowDown');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '3');
    await expect(error).toHaveCount(0);
    await expect(element).toHaveAttribute('data-image-failed', 'false');
    await expect(element).toHaveCSS('opacity', '1');
    await shownIs(3);
  });
});
