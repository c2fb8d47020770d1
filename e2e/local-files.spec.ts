import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { LocalFilesPage } from './pages/local-files-page';
import { ViewerPage } from './pages/viewer-page';
import { pearson, readUncompressedDicom, windowedGrid } from './support/dicom-reference';
import { expect, test, type NetworkLog } from './support/fixtures';
import { FhirTestClient } from './support/fhir-test-client';
import { writeLocalCase, writeManyFiles, type LocalCase } from './support/local-dicom-folder';
import { philipsAxialSeries } from './support/sandbox-studies';

const ROOT = 'test-results/local-files';
const OTHER = { id: 'OTHER-4242', name: 'STRANGER^PAT' };

interface FhirPatient {
  name?: { family?: string; given?: string[] }[];
  identifier?: { value?: string }[];
}

type BundleEntry = { fullUrl: string; resource: Record<string, unknown> & { resourceType: string } };

async function bundleOf(download: Download) {
  const path = await download.path();
  return JSON.parse(readFileSync(path, 'utf8')) as {
    resourceType: string;
    type: string;
    entry: BundleEntry[];
  };
}

/** The files never leave the browser: after opening, nothing is sent but GETs to the app and its servers. */
function expectNothingUploaded(network: NetworkLog, from: number, allowed: readonly string[]) {
  const after = network.requests.slice(from);
  for (const request of after) {
    expect(request.method, `${request.method} ${request.url}`).toBe('GET');
    expect(
      allowed.some((origin) => request.url.startsWith(origin)),
      `request to ${request.url}`,
    ).toBe(true);
  }
}

test.describe('DICOM files on disk', () => {
  test('without a session: a folder opens, grouped by UID, DICOMDIR honoured, non-DICOM counted, viewed and saved as FHIR', async ({
    page,
    sandbox,
    network,
  }) => {
    const files: LocalCase = writeLocalCase(
      `${ROOT}/standalone`,
      { id: 'MRN-LOCAL', name: 'DOE^JANE' },
      OTHER,
    );
    await page.goto(sandbox.app ?? '');
    await page.getByTestId('open-local-files').click();
    await expect(page).toHaveURL(/\/files$/);
    const local = new LocalFilesPage(page);
    const before = network.requests.length;
    await local.openFolder(files.root);

    await expect(local.summary).toHaveText('8 DICOM files in 3 studies; 1 file skipped (not DICOM).');
    await expect(page.getByTestId('local-files-dicomdir')).toContainText(
      'lists 4 files, all opened; 4 DICOM files it does not list',
    );
    await expect(local.studies).toHaveCount(3);
    await expect(local.study(files.sparcStudy.uid)).toContainText('1 series, 3 files');
    // Outside a session there is no chart to compare with: no patient warning on the list.
    await expect(page.getByTestId('local-study-patient-mismatch')).toHaveCount(0);

    // The folders beside the hierarchy, and where they disagree.
    await expect(local.disagreements).toContainText([
      'Folder "case/sub-01/sam-1" holds 2 studies.',
      `Series ${files.sparcStudy.seriesUid} is spread over 2 folders: case/sub-01/sam-1, case/sub-01/sam-2.`,
      'Subject folders (sub-*) are not studies: "case/sub-01" holds 2 studies.',
      `Sample folders (sam-*) are not series: "case/sub-01/sam-1" holds 2 series; series ${files.sparcStudy.seriesUid} spans 2 of them.`,
    ]);
    await expect(page.getByTestId('folder-tree-item')).toHaveCount(3);

    // The viewer shows the files' own pixels, as it would a PACS study.
    await local.view(files.dicomdirStudy.uid);
    const viewer = new ViewerPage(page);
    await viewer.waitForImage(files.dicomdirStudy.seriesUid);
    await expect(viewer.viewport).toHaveAttribute('data-image-count', '4');
    await expect(viewer.viewport).toHaveAttribute('data-transfer-syntax', '1.2.840.10008.1.2.1');
    await expect(viewer.viewport.getByTestId('overlay-patient')).toContainText('DOE');
    const first = files.dicomdirStudy.sources[0] ?? '';
    const { center, width } = await viewer.window();
    expect(
      pearson(await viewer.displayedGrid(16), windowedGrid(readUncompressedDicom(first), center, width, 16)),
    ).toBeGreaterThan(0.98);
    await page.getByTestId('local-files-back').click();

    // A lossy file is marked as such, as from a PACS.
    await local.view(files.otherStudy.uid);
    await viewer.waitForImage(files.otherStudy.seriesUid);
    await expect(viewer.viewport).toHaveAttribute('data-transfer-syntax', '1.2.840.10008.1.2.4.50');
    await expect(viewer.viewport.getByTestId('lossy-marker')).toBeVisible();
    await page.getByTestId('local-files-back').click();

    const bundle = await bundleOf(await local.saveAsFhir());
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const studies = bundle.entry.filter((entry) => entry.resource.resourceType === 'ImagingStudy');
    const patients = bundle.entry.filter((entry) => entry.resource.resourceType === 'Patient');
    expect(studies).toHaveLength(3);
    expect(patients.map((entry) => entry.resource.identifier)).toEqual(
      expect.arrayContaining([[{ value: 'MRN-LOCAL' }], [{ value: OTHER.id }]]),
    );
    const a = studies.find((entry) =>
      JSON.stringify(entry.resource.identifier).includes(files.dicomdirStudy.uid),
    )?.resource;
    expect(a).toMatchObject({ status: 'available', numberOfSeries: 1, numberOfInstances: 4 });

    expectNothingUploaded(network, before, [sandbox.app ?? '-']);
  });

  test('inside a session: files of another patient are flagged, kept out of the Bundle, and nothing is sent', async ({
    page,
    sandbox,
    network,
  }) => {
    const { study } = philipsAxialSeries(sandbox);
    const fhir = await FhirTestClient.forPatient(sandbox, study.patient);
    const patient = await fhir.read<FhirPatient>(`Patient/${study.patient}`);
    const name = patient.name?.[0];
    const inContext = {
      id: patient.identifier?.[0]?.value ?? '',
      name: `${name?.family ?? ''}^${name?.given?.[0] ?? ''}`,
    };
    const files = writeLocalCase(`${ROOT}/session`, inContext, OTHER);

    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    // Reached from the list and from the viewer alike.
    await page.getByTestId('open-local-files').click();
    await expect(page).toHaveURL(/\/files$/);
    await page.goBack();
    await new StudyListPage(page).open(study.id);
    await page.getByTestId('viewer-open-local-files').click();
    await expect(page).toHaveURL(/\/files$/);
    const local = new LocalFilesPage(page);
    const before = network.requests.length;
    await local.openFolder(files.root);
    await expect(local.studies).toHaveCount(3);

    const warnings = page.getByTestId('local-study-patient-mismatch');
    await expect(warnings).toHaveCount(1);
    await expect(local.study(files.otherStudy.uid).getByTestId('local-study-patient-mismatch')).toBeVisible();

    // The viewer's own identity check flags the other patient's study as it does a PACS study.
    await local.view(files.otherStudy.uid);
    const viewer = new ViewerPage(page);
    await viewer.waitForImage(files.otherStudy.seriesUid);
    await expect(page.getByTestId('study-patient-mismatch')).toBeVisible();
    await page.getByTestId('local-files-back').click();
    await local.view(files.sparcStudy.uid);
    await viewer.waitForImage(files.sparcStudy.seriesUid);
    await expect(page.getByTestId('study-patient-mismatch')).toHaveCount(0);
    await page.getByTestId('local-files-back').click();

    const bundle = await bundleOf(await local.saveAsFhir());
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual([
      'ImagingStudy',
      'ImagingStudy',
    ]);
    for (const entry of bundle.entry) {
      expect(entry.resource.subject).toEqual({ reference: `Patient/${study.patient}` });
    }
    expect(JSON.stringify(bundle)).not.toContain(files.otherStudy.uid);

    // Only the app itself: the files are read locally, no image server or FHIR request carries them.
    expectNothingUploaded(network, before, [sandbox.app ?? '-', sandbox.fhir]);
  });

  test('files dropped on the page open like picked ones', async ({ page, sandbox }) => {
    const { root } = writeManyFiles(`${ROOT}/dropped`, 2);
    const names = ['series-1/IM00000.dcm', 'series-1/IM00001.dcm'];
    const files = names.map((name) => ({ name, bytes: [...readFileSync(`${root}/${name}`)] }));
    await page.goto(`${sandbox.app ?? ''}/files`);
    const dataTransfer = await page.evaluateHandle((dropped) => {
      const transfer = new DataTransfer();
      for (const { name, bytes } of dropped) transfer.items.add(new File([new Uint8Array(bytes)], name));
      transfer.items.add(new File(['just text'], 'readme.txt'));
      return transfer;
    }, files);
    await page.getByTestId('local-files-drop').dispatchEvent('drop', { dataTransfer });
    const local = new LocalFilesPage(page);
    await expect(local.summary).toHaveText('2 DICOM files in 1 study; 1 file skipped (not DICOM).');
    await expect(local.studies).toHaveCount(1);
  });
});
