import { join } from 'node:path';
import { ViewerPage } from './pages/viewer-page';
import { hasPydicomTestFiles, PYDICOM_TEST_FILES_DIR } from '../sandbox/data/pydicom-test-files';
import type { SandboxInfo, StudyInfo } from '../sandbox/sandbox-info';
import { pearson, readUncompressedDicom, readYbrFull422Red, windowedGrid } from './support/dicom-reference';
import { expect, test, type LoggedRequest } from './support/fixtures';

const GRID = 16;
const YBR_FILE = 'SC_ybr_full_422_uncompressed.dcm';
/** NEMA's CT0012 uncompressed: the same image the fragmented JPEG file holds, before JPEG. */
const CT0012_UNCOMPRESSED = 'sandbox/data/dicom/pydicom-data-multiframe-color/eCT_Supplemental.dcm';

function study(sandbox: SandboxInfo, id: string): StudyInfo {
  const found = sandbox.studies[id];
  if (!found) throw new Error(`The sandbox has no study ${id}.`);
  return found;
}

/** Whole-instance requests of a series: WADO-RS instance URLs, not frames. */
const instanceRequests = (urls: readonly LoggedRequest[], seriesUid: string) =>
  urls.filter((request) => new RegExp(`/series/${seriesUid}/instances/[0-9.]+$`).test(request.url));

test.describe('frames the PACS will not send are taken from the whole instance', () => {
  test('uncompressed YBR_FULL_422, which Orthanc refuses to cut into frames, shows its true colours', async ({
    page,
    sandbox,
    network,
  }) => {
    test.skip(!hasPydicomTestFiles(), 'python3-pydicom is not installed');
    const holder = Object.values(sandbox.studies).find((candidate) =>
      candidate.series.some((series) => series.description?.startsWith(YBR_FILE)),
    );
    const series = holder?.series.find((candidate) => candidate.description?.startsWith(YBR_FILE));
    if (!holder || !series) throw new Error(`no ${YBR_FILE} series`);
    const viewer = await ViewerPage.openFromEhr(page, sandbox, holder);
    await viewer.showSeries(series.uid);
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
    const { center, width } = await viewer.window();
    const reference = readYbrFull422Red(join(PYDICOM_TEST_FILES_DIR, YBR_FILE));
    const score = pearson(await viewer.displayedGrid(GRID), windowedGrid(reference, center, width, GRID));
    console.log(`${YBR_FILE} from its instance: r=${score.toFixed(3)} W ${width} L ${center}`);
    expect(score, 'red channel matches the file').toBeGreaterThan(0.98);
    const instances = instanceRequests(network.requests, series.uid);
    expect(instances.length, 'the instance was fetched').toBeGreaterThan(0);
    // pacs-a shares the EHR's authorization: the instance went with the token, like the frames.
    expect(instances.every((request) => request.authorization?.startsWith('Bearer '))).toBe(true);
  });

  test('fragmented JPEG without an offset table shows from its instance when no frame is served', async ({
    page,
    sandbox,
    network,
  }) => {
    const fragmented = study(sandbox, 'phantom-fragmented-jpeg');
    const series = fragmented.series[0];
    if (!series) throw new Error('no fragmented JPEG series');
    // A PACS stricter than Orthanc: neither the stored frame nor a transcoded one.
    await page.route(`**/series/${series.uid}/instances/*/frames/**`, (route) =>
      route.fulfill({ status: 406, body: 'Not Acceptable' }),
    );
    const viewer = await ViewerPage.openFromEhr(page, sandbox, fragmented);
    await viewer.showSeries(series.uid);
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
    // Decoded in the browser from the stored JPEG, so marked lossy like any JPEG baseline image.
    await expect(viewer.viewport).toHaveAttribute('data-transfer-syntax', '1.2.840.10008.1.2.4.51');
    await expect(viewer.viewport).toHaveAttribute('data-lossy', 'true');
    const { center, width } = await viewer.window();
    const reference = readUncompressedDicom(CT0012_UNCOMPRESSED);
    const score = pearson(await viewer.displayedGrid(GRID), windowedGrid(reference, center, width, GRID));
    console.log(`CT0012 fragmented JPEG from its instance: r=${score.toFixed(3)} W ${width} L ${center}`);
    expect(score, 'frame 1 matches the uncompressed original').toBeGreaterThan(0.9);
    // Frame 2 comes out of the same instance: no second download.
    await viewer.press('ArrowDown');
    await expect(viewer.viewport).toHaveAttribute('data-image-index', '1');
    await expect(viewer.viewport.getByTestId('viewport-error')).toHaveCount(0);
    expect(instanceRequests(network.requests, series.uid)).toHaveLength(1);
  });
});
