import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { expect, test } from './support/fixtures';

// The sandbox's reports: sandbox/data/imaging-reports.ts.

test("the list's Report column: the newest report's status, PRELIMINARY unmistakable, entered-in-error never", async ({
  page,
  sandbox,
}) => {
  await new EhrLauncherPage(page, sandbox).launch('phantom');
  const list = new StudyListPage(page);
  await list.waitUntilComplete();
  const report = (studyId: string) => list.row(studyId).getByTestId('study-report');
  // Amended after the final one (the entered-in-error one, newer still, does not count).
  await expect(report('phantom-ct')).toHaveAttribute('data-report-status', 'amended');
  await expect(report('phantom-ct')).toHaveText('Amended+1 earlier');
  await expect(report('phantom-ge-head-ct')).toHaveText('PRELIMINARY');
  await expect(list.rows.first()).toBeVisible();
  // Every other study of the patient says it has none (not a blank cell).
  const statuses = await page
    .getByTestId('study-report')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-report-status')));
  expect(statuses.filter((status) => status === 'none').length).toBe(statuses.length - 2);
  await expect(page.getByTestId('reports-withheld')).toHaveCount(0);
});

test('a report linked only by accession number (through its order) reaches its study', async ({
  page,
  sandbox,
}) => {
  await new EhrLauncherPage(page, sandbox).launch('documents');
  const list = new StudyListPage(page);
  await list.waitUntilComplete();
  await expect(list.row('documents-ct').getByTestId('study-report')).toHaveText('Final');
});

test('a report about another patient is not shown and the list says so', async ({ page, sandbox }) => {
  await page.route('**/fhir/DiagnosticReport?**', async (route) => {
    const response = await route.fetch();
    const bundle = (await response.json()) as { entry?: { resource: Record<string, unknown> }[] };
    bundle.entry = [
      ...(bundle.entry ?? []),
      {
        resource: {
          resourceType: 'DiagnosticReport',
          id: 'injected-other-patient',
          status: 'final',
          subject: { reference: 'Patient/colour' },
          imagingStudy: [{ reference: 'ImagingStudy/phantom-ge-head-ct' }],
          conclusion: 'Another patient’s report.',
        },
      },
    ];
    await route.fulfill({ response, json: bundle });
  });
  await new EhrLauncherPage(page, sandbox).launch('phantom');
  const list = new StudyListPage(page);
  await list.waitUntilComplete();
  await expect(page.getByTestId('reports-withheld')).toContainText(
    'Report injected-other-patient is not shown: it is about another patient.',
  );
  // The study keeps its own (preliminary) report only.
  await expect(list.row('phantom-ge-head-ct').getByTestId('study-report')).toHaveText('PRELIMINARY');
});

test('a server that refuses reports leaves no Report column and a quiet note, never an error page', async ({
  page,
  sandbox,
}) => {
  await page.route('**/fhir/DiagnosticReport?**', (route) =>
    route.fulfill({ status: 403, json: { resourceType: 'OperationOutcome', issue: [] } }),
  );
  await new EhrLauncherPage(page, sandbox).launch('phantom');
  const list = new StudyListPage(page);
  await list.waitUntilComplete();
  await expect(page.getByTestId('reports-note')).toContainText(
    'does not let this viewer read them (HTTP 403)',
  );
  await expect(page.getByRole('columnheader', { name: 'Report' })).toHaveCount(0);
  await expect(list.rows.first()).toBeVisible();
});
