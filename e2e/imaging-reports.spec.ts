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

test.describe('the report panel beside the images', () => {
  test('an amended report says so, above the final one, with its Binary read from the FHIR server', async ({
    page,
    sandbox,
  }) => {
    await new EhrLauncherPage(page, sandbox).launch('phantom');
    await new StudyListPage(page).open('phantom-ct');
    const panel = page.getByTestId('report-panel');
    await expect(panel).toBeVisible();
    const reports = panel.getByTestId('report');
    await expect(reports).toHaveCount(2);
    await expect(reports.first()).toHaveAttribute('data-report-status', 'amended');
    await expect(reports.first().getByTestId('report-warning')).toHaveText(
      'This report was amended after it was first issued.',
    );
    await expect(reports.first()).toContainText(
      'ADDENDUM: the localizer series is stored on a second archive',
    );
    await expect(reports.nth(1)).toContainText('Conclusion: Phantom within tolerance; no artefact.');
    await expect(reports.nth(1)).toContainText('Normal');
    await expect(panel).not.toContainText('WRONG PATIENT');
    // Hidden and shown again on request.
    await page.getByTestId('toggle-report').click();
    await expect(panel).toHaveCount(0);
    await page.getByTestId('toggle-report').click();
    await expect(panel).toBeVisible();
  });

  test('a PRELIMINARY report is unmistakable, and nothing in its HTML runs or loads', async ({
    page,
    sandbox,
  }) => {
    const evil: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('evil.example')) evil.push(request.url());
    });
    await new EhrLauncherPage(page, sandbox).launch('phantom');
    await new StudyListPage(page).open('phantom-ge-head-ct');
    const report = page.getByTestId('report-panel').getByTestId('report');
    await expect(report.getByTestId('report-warning')).toHaveText(
      'PRELIMINARY report: not yet final; its findings may change.',
    );
    const html = report.getByTestId('report-html');
    await expect(html).toContainText('Preliminary read: no acute intracranial abnormality.');
    await expect(html.locator('img, script, style, link, [style], [onclick], [onerror]')).toHaveCount(0);
    await html.getByText('Preliminary read').click();
    expect(
      await page.evaluate(() => (window as { __reportHtmlRan?: boolean }).__reportHtmlRan),
    ).toBeUndefined();
    expect(evil).toEqual([]);
  });

  test('a PDF report is drawn', async ({ page, sandbox }) => {
    await new EhrLauncherPage(page, sandbox).launch('documents');
    await new StudyListPage(page).open('documents-ct');
    const pdf = page.getByTestId('report-panel').getByTestId('pdf-document');
    await expect(pdf).toHaveAttribute('data-status', 'ready');
    await expect(pdf).toHaveAttribute('data-pages', '1');
    // The page is drawn: its canvas has dark (text) pixels on white.
    const inked = await pdf.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark += 1;
      return dark;
    });
    expect(inked).toBeGreaterThan(50);
  });

  test('a study without a report: no panel at first, and the panel says so when asked', async ({
    page,
    sandbox,
  }) => {
    await new EhrLauncherPage(page, sandbox).launch('versions');
    await new StudyListPage(page).open('versions-r5');
    await expect(page.getByTestId('toggle-report')).toHaveText('Report');
    await expect(page.getByTestId('report-panel')).toHaveCount(0);
    await page.getByTestId('toggle-report').click();
    await expect(page.getByTestId('report-none')).toHaveText('No report for this study.');
  });
});
