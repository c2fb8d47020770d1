import type { Page } from '@playwright/test';
import type { SandboxInfo, SeriesInfo } from '../sandbox/sandbox-info';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';

// The sandbox's `documents-ct` (sandbox/data/documents-patient.ts): CT slices, a KOS, an SR, a PDF
// and a presentation state, in one series each.
function seriesOf(sandbox: SandboxInfo, modality: string): SeriesInfo {
  const series = sandbox.studies['documents-ct']?.series.find((item) => item.modality === modality);
  if (!series) throw new Error(`documents-ct has no ${modality} series`);
  return series;
}

/** The documents study opened from the EHR, its CT drawn. */
async function openDocumentsStudy(page: Page, sandbox: SandboxInfo): Promise<ViewerPage> {
  const study = sandbox.studies['documents-ct'];
  if (!study) throw new Error('The sandbox has no documents-ct study.');
  const viewer = await ViewerPage.openFromEhr(page, sandbox, study);
  await viewer.waitForImage(seriesOf(sandbox, 'CT').uid);
  return viewer;
}

test('each non-image object opens as what it is, named in the series panel, never an error', async ({
  page,
  sandbox,
}) => {
  const viewer = await openDocumentsStudy(page, sandbox);

  const expectations: [string, string, string][] = [
    ['SR', 'structured-report', 'Structured report'],
    ['DOC', 'pdf', 'PDF document'],
    ['KO', 'key-objects', 'Key object selection'],
    ['PR', 'presentation-state', 'Presentation state'],
  ];
  for (const [modality, kind, label] of expectations) {
    const thumbnail = viewer.thumbnail(seriesOf(sandbox, modality).uid);
    await expect(thumbnail).toHaveAttribute('data-object-kind', kind);
    await expect(thumbnail).toContainText(label);
    await expect(thumbnail).toContainText('1 object');
    await expect(thumbnail.getByTestId('series-problem')).toHaveCount(0);
  }

  const open = async (modality: string) => {
    await viewer.thumbnail(seriesOf(sandbox, modality).uid).click();
    const viewport = page.locator(
      `[data-testid="viewport"][data-series-uid="${seriesOf(sandbox, modality).uid}"]`,
    );
    await expect(viewport.getByTestId('object-viewport')).toBeVisible();
    return viewport;
  };

  const sr = (await open('SR')).getByTestId('structured-report');
  await expect(sr).toContainText('Diagnostic Imaging Report');
  await expect(sr).toContainText('Unverified: this report has not been signed off.');
  await expect(sr).toContainText('Findings');
  await expect(sr).toContainText('Finding: Sandbox finding: no acute abnormality.');
  await expect(sr).toContainText('Length: 12.5 mm');
  await expect(sr).toContainText('Conclusion: Normal');

  const pdf = (await open('DOC')).getByTestId('pdf-document');
  await expect(pdf).toHaveAttribute('data-status', 'ready');
  await expect(pdf).toHaveAttribute('data-pages', '1');

  await expect((await open('KO')).getByTestId('key-object-selection')).toHaveText(
    'For Report Attachment: 2 images flagged — Images attached to the report.',
  );
  await expect((await open('PR')).getByTestId('object-not-displayed')).toBeVisible();
  await expect(page.getByTestId('viewport-error')).toHaveCount(0);
  await expect(page.getByTestId('object-patient-mismatch')).toHaveCount(0);
});

test('the key object selection flags its images: counted on the thumbnail, marked on the viewport, and a filter shows only them', async ({
  page,
  sandbox,
}) => {
  const viewer = await openDocumentsStudy(page, sandbox);
  const ct = seriesOf(sandbox, 'CT');

  // The KOS (documents-patient.ts) flags 2 of the CT's 6 slices "For Report Attachment".
  await expect(viewer.thumbnail(ct.uid).getByTestId('series-key-images')).toHaveText('★ 2 key images');
  await expect(viewer.thumbnail(seriesOf(sandbox, 'SR').uid).getByTestId('series-key-images')).toHaveCount(0);

  // Unfiltered: every slice is there, and exactly the flagged ones carry the mark, with the reason.
  await expect(viewer.viewport).toHaveAttribute('data-image-count', String(ct.instances));
  const flagged: number[] = [];
  await viewer.press('Home');
  for (let index = 0; index < ct.instances; index += 1) {
    if (index > 0) await viewer.press('ArrowDown');
    await viewer.waitForImage(ct.uid, index);
    const marked = (await viewer.viewport.getAttribute('data-key-image')) === 'true';
    await expect(viewer.viewport.getByTestId('key-image-marker')).toHaveCount(marked ? 1 : 0);
    if (marked) flagged.push(index);
  }
  expect(flagged).toHaveLength(2);
  await expect(viewer.viewport.getByTestId('overlay-key-images-only')).toHaveCount(0);

  // Filtered: the panel lists only series with key images, the viewport only the key images.
  await page.getByTestId('key-images-filter').click();
  await expect(page.getByTestId('key-images-filter')).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.thumbnails).toHaveCount(1);
  await expect(viewer.viewport).toHaveAttribute('data-image-count', '2');
  await expect(viewer.viewport.getByTestId('overlay-key-images-only')).toBeVisible();
  // Keys go to the viewer again, not to the filter button that holds the focus.
  await viewer.viewport.click();
  for (const index of [0, 1]) {
    if (index > 0) await viewer.press('ArrowDown');
    await viewer.waitForImage(ct.uid, index);
    await expect(viewer.viewport).toHaveAttribute('data-key-image', 'true');
    await expect(viewer.viewport.getByTestId('key-image-marker')).toHaveText(
      '★ Key image: For Report Attachment',
    );
  }

  // Off again: the whole series and every series are back.
  await page.getByTestId('key-images-filter').click();
  await expect(viewer.viewport).toHaveAttribute('data-image-count', String(ct.instances));
  await expect(viewer.thumbnails).toHaveCount(sandbox.studies['documents-ct']?.series.length ?? 0);
});
