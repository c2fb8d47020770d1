import { join } from 'node:path';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { hasPydicomTestFiles, PYDICOM_TEST_FILES_DIR } from '../sandbox/data/pydicom-test-files';
import type { SandboxInfo, StudyInfo } from '../sandbox/sandbox-info';
import { pearson, readUncompressedDicom, windowedGrid } from './support/dicom-reference';
import { expect, test } from './support/fixtures';

const GRID = 8;

/** Which uncompressed file each variant is the same image as (pydicom's own pairs). */
const REFERENCES: Record<string, string> = {
  MR_small: 'MR_small.dcm',
  CT_small: 'CT_small.dcm',
};

function pydicomStudies(sandbox: SandboxInfo): StudyInfo[] {
  return Object.values(sandbox.studies).filter((study) => study.id.startsWith('colour-pydicom-test-files'));
}

function referenceFor(description: string | undefined): string | null {
  const file = description?.split(' ')[0] ?? '';
  const key = Object.keys(REFERENCES).find((prefix) => file.startsWith(prefix));
  return key ? (REFERENCES[key] ?? null) : null;
}

/**
 * Orthanc stores this one but its DICOMweb plugin refuses to cut frames from uncompressed YBR_FULL_422
 * (HTTP 400): the viewer must say so on the viewport, not show a blank.
 */
const SERVER_CANNOT_FRAME = ['SC_ybr_full_422_uncompressed.dcm'];

const spread = (values: readonly number[]) => Math.max(...values) - Math.min(...values);

test.describe("pydicom's test images (Debian python3-pydicom)", () => {
  test.skip(!hasPydicomTestFiles(), 'python3-pydicom is not installed');

  test('each renders; the MR_small variants match their uncompressed original', async ({ page, sandbox }) => {
    const studies = pydicomStudies(sandbox);
    expect(studies.flatMap((study) => study.series)).toHaveLength(18);
    await new EhrLauncherPage(page, sandbox).launch('colour');
    const viewer = new ViewerPage(page);
    const results: string[] = [];
    for (const study of studies) {
      await page.goto(`${sandbox.app}/`);
      await new StudyListPage(page).open(study.id);
      for (const series of study.series) {
        if (SERVER_CANNOT_FRAME.some((file) => series.description?.startsWith(file))) {
          await viewer.revealThumbnail(series.uid);
          await viewer.thumbnail(series.uid).click();
          await expect(page.getByTestId('viewport-error')).toContainText(
            'could not deliver this image (HTTP 400)',
          );
          results.push(`${series.description}: refused by the PACS, said so`);
          continue;
        }
        await viewer.showSeries(series.uid);
        await expect(page.getByTestId('viewport-error')).toHaveCount(0);
        const shown = await viewer.displayedGrid(GRID);
        expect.soft(spread(shown), `${series.description} shows an image, not a blank`).toBeGreaterThan(10);
        const reference = referenceFor(series.description);
        if (!reference) {
          results.push(`${series.description}: rendered`);
          continue;
        }
        const { center, width } = await viewer.window();
        const expected = windowedGrid(
          readUncompressedDicom(join(PYDICOM_TEST_FILES_DIR, reference)),
          center,
          width,
          GRID,
        );
        const score = pearson(shown, expected);
        results.push(`${series.description}: r=${score.toFixed(3)} against ${reference}`);
        expect.soft(score, `${series.description} matches ${reference}`).toBeGreaterThan(0.98);
      }
    }
    console.log(results.join('\n'));
  });
});
