import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { pearson, readUncompressedDicom, windowedGrid } from './support/dicom-reference';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../sandbox/sandbox-options';
import { ensureSyntheticStudies } from '../sandbox/data/synthetic-ct';
import { expect, test } from './support/fixtures';
import type { SandboxInfo, StudyInfo } from '../sandbox/sandbox-info';

const TS_DIR = 'sandbox/data/dicom/cornerstone-ctimage-transfer-syntaxes';
const PYDICOM_DIR = 'sandbox/data/dicom/pydicom-data-multiframe-color';
const GRID = 16;

/** Lossy encodings may blur fine detail; lossless ones must match the reference closely. */
const LOSSY = /JPEG Baseline|JPEG Extended|Spectral|Full Progression|Near-Lossless|^JPEG 2000$/;

function study(sandbox: SandboxInfo, id: string): StudyInfo {
  const found = sandbox.studies[id];
  if (!found) throw new Error(`The sandbox has no study ${id}.`);
  return found;
}

test.describe('every transfer syntax in the sandbox renders the right pixels', () => {
  test('CTImage.dcm in 16 transfer syntaxes matches the uncompressed reference', async ({
    page,
    sandbox,
  }) => {
    const variants = study(sandbox, 'phantom-transfer-syntaxes');
    const reference = readUncompressedDicom(`${TS_DIR}/CTImage.dcm`);
    await new EhrLauncherPage(page, sandbox).launch(variants.patient);
    await new StudyListPage(page).open(variants.id);
    const viewer = new ViewerPage(page);
    const results: string[] = [];
    for (const series of variants.series) {
      await viewer.showSeries(series.uid);
      const { center, width } = await viewer.window();
      const shown = await viewer.displayedGrid(GRID);
      const score = pearson(shown, windowedGrid(reference, center, width, GRID));
      results.push(`${series.description}: r=${score.toFixed(3)} W ${width} L ${center}`);
      const floor = LOSSY.test(series.description ?? '') ? 0.9 : 0.98;
      expect.soft(score, `${series.description} correlates with the reference`).toBeGreaterThan(floor);
      expect
        .soft(await viewer.viewport.getAttribute('data-lossy'), `${series.description} lossy marker`)
        .toBe(String(LOSSY.test(series.description ?? '')));
    }
    console.log(results.join('\n'));
  });

  test('big-endian and deflated frames are requested as explicit little endian', async ({
    page,
    sandbox,
    network,
  }) => {
    const variants = study(sandbox, 'phantom-transfer-syntaxes');
    await new EhrLauncherPage(page, sandbox).launch(variants.patient);
    await new StudyListPage(page).open(variants.id);
    const viewer = new ViewerPage(page);
    for (const name of ['Explicit VR Big Endian', 'Deflated Explicit VR Little Endian']) {
      const series = variants.series.find((candidate) => candidate.description === name);
      if (!series) throw new Error(`no ${name} series`);
      await viewer.showSeries(series.uid);
      await expect(viewer.viewport).toHaveAttribute('data-transfer-syntax', '1.2.840.10008.1.2.1');
      const frames = network.requests.filter(
        (r) => r.url.includes(`/series/${series.uid}/`) && r.url.includes('/frames/'),
      );
      expect(frames.length).toBeGreaterThan(0);
    }
  });

  test('JPEG fragments without an offset table, which Orthanc will not frame as stored, still show', async ({
    page,
    sandbox,
    network,
  }) => {
    // Orthanc answers 400 to `transfer-syntax=*` for these; the viewer asks again as explicit little endian.
    const fragmented = study(sandbox, 'phantom-fragmented-jpeg');
    const series = fragmented.series[0];
    if (!series) throw new Error('no fragmented JPEG series');
    await new EhrLauncherPage(page, sandbox).launch(fragmented.patient);
    await new StudyListPage(page).open(fragmented.id);
    const viewer = new ViewerPage(page);
    await viewer.showSeries(series.uid);
    await expect(viewer.viewport).toHaveAttribute('data-transfer-syntax', '1.2.840.10008.1.2.1');
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
    const shown = await viewer.displayedGrid(GRID);
    expect(Math.max(...shown) - Math.min(...shown), 'an image, not a blank').toBeGreaterThan(50);
    const frames = network.requests.filter(
      (r) => r.url.includes(`/series/${series.uid}/`) && r.url.includes('/frames/'),
    );
    expect(frames.length, 'the refused request and its retry').toBeGreaterThan(1);
  });

  test('MONOCHROME1 CR in lossy JPEG 2000 renders and is marked lossy', async ({ page, sandbox }) => {
    const cr = study(sandbox, 'colour-rg3-j2ki');
    const series = cr.series[0];
    if (!series) throw new Error('no CR series');
    await new EhrLauncherPage(page, sandbox).launch(cr.patient);
    await new StudyListPage(page).open(cr.id);
    const viewer = new ViewerPage(page);
    await viewer.showSeries(series.uid);
    await expect(viewer.viewport).toHaveAttribute('data-transfer-syntax', '1.2.840.10008.1.2.4.91');
    await expect(viewer.viewport).toHaveAttribute('data-lossy', 'true');
    await expect(viewer.viewport.getByTestId('lossy-marker')).toBeVisible();
    const shown = await viewer.displayedGrid(GRID);
    expect(Math.max(...shown) - Math.min(...shown), 'an image, not a blank').toBeGreaterThan(50);
  });

  test('MONOCHROME1 is shown with low values bright, not inverted twice', async ({ page, sandbox }) => {
    const cr = study(sandbox, 'phantom-synthetic-cr');
    const series = cr.series[0];
    if (!series) throw new Error('no synthetic CR series');
    const folders = await ensureSyntheticStudies(join(PROJECT_ROOT, '.sandbox', 'cache'), {
      id: 'PLASTIC',
      name: 'HEAD',
    });
    const reference = readUncompressedDicom(join(folders.cr, 'monochrome1.dcm'));
    await new EhrLauncherPage(page, sandbox).launch(cr.patient);
    await new StudyListPage(page).open(cr.id);
    const viewer = new ViewerPage(page);
    await viewer.waitForImage(series.uid);
    const { center, width } = await viewer.window();
    const shown = await viewer.displayedGrid(GRID);
    const windowed = windowedGrid(reference, center, width, GRID);
    const asMonochrome1 = pearson(
      shown,
      windowed.map((value) => 255 - value),
    );
    expect(asMonochrome1, 'correlation with the MONOCHROME1 rendering').toBeGreaterThan(0.98);
    expect(pearson(shown, windowed), 'correlation with the wrong polarity').toBeLessThan(0);
    // Its own polarity is not an inversion: INV appears only once the user inverts.
    await expect(viewer.viewport).toHaveAttribute('data-invert', 'false');
    await expect(viewer.viewport.getByTestId('overlay-voi')).not.toContainText('INV');
    await viewer.press('i');
    await expect(viewer.viewport).toHaveAttribute('data-invert', 'true');
    await expect(viewer.viewport.getByTestId('overlay-voi')).toContainText('INV');
    expect(pearson(await viewer.displayedGrid(GRID), windowed), 'inverted by the user').toBeGreaterThan(0.98);
  });

  test('multi-frame enhanced MR in four transfer syntaxes matches its uncompressed frame 1', async ({
    page,
    sandbox,
  }) => {
    const mr = study(sandbox, 'colour-emri-small');
    const reference = readUncompressedDicom(`${PYDICOM_DIR}/emri_small.dcm`);
    await new EhrLauncherPage(page, sandbox).launch(mr.patient);
    await new StudyListPage(page).open(mr.id);
    const viewer = new ViewerPage(page);
    for (const series of mr.series) {
      await viewer.showSeries(series.uid);
      await expect(viewer.viewport).toHaveAttribute('data-image-count', '10');
      const { center, width } = await viewer.window();
      const score = pearson(await viewer.displayedGrid(GRID), windowedGrid(reference, center, width, GRID));
      console.log(`${series.description}: r=${score.toFixed(3)}`);
      expect.soft(score, `${series.description}`).toBeGreaterThan(0.95);
    }
  });

  test('palette colour (RLE) and YBR_RCT (JPEG 2000) render in colour', async ({ page, sandbox }) => {
    for (const id of ['colour-obxxxx1a-rle-2frame', 'colour-us1-j2kr']) {
      const colour = study(sandbox, id);
      const series = colour.series[0];
      if (!series) throw new Error(`no series in ${id}`);
      await new EhrLauncherPage(page, sandbox).launch(colour.patient);
      await new StudyListPage(page).open(colour.id);
      const viewer = new ViewerPage(page);
      await viewer.showSeries(series.uid);
      const chroma = await page
        .locator('[data-testid="viewport-element"] canvas')
        .first()
        .evaluate((element) => {
          const source = element as HTMLCanvasElement;
          const copy = document.createElement('canvas');
          copy.width = source.width;
          copy.height = source.height;
          const context = copy.getContext('2d');
          if (!context) return 0;
          context.drawImage(source, 0, 0);
          const data = context.getImageData(0, 0, copy.width, copy.height).data;
          let sum = 0;
          for (let i = 0; i < data.length; i += 4)
            sum +=
              Math.abs((data[i] ?? 0) - (data[i + 1] ?? 0)) +
              Math.abs((data[i + 1] ?? 0) - (data[i + 2] ?? 0));
          return sum / (data.length / 4);
        });
      console.log(`${id}: mean chroma ${chroma.toFixed(2)}`);
      expect(chroma, `${id} is shown in colour`).toBeGreaterThan(1);
    }
  });
});
