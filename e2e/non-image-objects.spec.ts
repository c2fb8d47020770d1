import type { SandboxInfo, SeriesInfo } from '../sandbox/sandbox-info';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';

// The sandbox's `documents-ct` (sandbox/data/documents-patient.ts): CT slices, a KOS, an SR, a PDF
// and a presentation state, in one series each.
function seriesOf(sandbox: SandboxInfo, modality: string): SeriesInfo {
  const series = sandbox.studies['documents-ct']?.series.find((item) => item.modality === modality);
  if (!series) throw new Error(`documents-ct has no ${modality} series`);
  return series;
}

test('each non-image object opens as what it is, named in the series panel, never an error', async ({
  page,
  sandbox,
}) => {
  await new EhrLauncherPage(page, sandbox).launch('documents');
  await new StudyListPage(page).open('documents-ct');
  const viewer = new ViewerPage(page);
  await viewer.waitForImage(seriesOf(sandbox, 'CT').uid);

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
