import type { Page, Route } from '@playwright/test';
import { GENERATED_PATIENT_ID } from '../sandbox/data/generated-patient';
import type { SandboxInfo } from '../sandbox/sandbox-info';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { fault, resetFaults } from './support/fault-controls';
import { expect, test } from './support/fixtures';

/**
 * What a FHIR server does wrong, expressed with `page.route` over the real sandbox: the real answer is
 * fetched and then delayed, replaced by an error or broken, so CORS and everything else stay real.
 */
function imagingStudyPage(sandbox: SandboxInfo, offset: number | null) {
  return (url: URL) =>
    url.href.startsWith(`${sandbox.fhir}/ImagingStudy?`) &&
    url.searchParams.get('_offset') === (offset === null ? null : String(offset));
}

/** Spoils the next `times` answers matching `where`, then lets the server answer. */
async function spoil(
  page: Page,
  where: (url: URL) => boolean,
  times: number,
  how: (route: Route) => Promise<void>,
) {
  let left = times;
  await page.route(where, async (route) => {
    if (left <= 0) return route.continue();
    left -= 1;
    return how(route);
  });
}

test.describe('a FHIR server that misbehaves is never silent', () => {
  test.afterEach(({ sandbox }) => resetFaults(sandbox));

  test('a page that hangs in the server itself is named on screen; the list comes once it answers', async ({
    page,
    sandbox,
  }) => {
    // The fault control, not a route: the real FHIR server holds the first ImagingStudy page.
    await fault(sandbox, `fhir-hang?match=${encodeURIComponent('/ImagingStudy?')}`);
    await new EhrLauncherPage(page, sandbox).launch('phantom');
    const notice = page.getByTestId('server-wait');
    await expect(notice).toContainText(`Waiting for the FHIR server at ${sandbox.fhir}`);
    await expect(page.getByTestId('study-list-error')).toHaveCount(0);

    await fault(sandbox, 'fhir-release');
    await new StudyListPage(page).waitUntilComplete();
    await expect(notice).toHaveCount(0);
    await expect(page.getByTestId('study-list-error')).toHaveCount(0);
  });

  test('a page that hangs is named on screen, and the list comes when it answers', async ({
    page,
    sandbox,
  }) => {
    await spoil(page, imagingStudyPage(sandbox, null), 1, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      await route.continue();
    });
    await new EhrLauncherPage(page, sandbox).launch('phantom');
    await expect(page.getByTestId('server-wait')).toContainText(
      `Waiting for the FHIR server at ${sandbox.fhir}`,
    );
    await new StudyListPage(page).waitUntilComplete();
    await expect(page.getByTestId('server-wait')).toHaveCount(0);
    await expect(page.getByTestId('study-list-error')).toHaveCount(0);
  });

  test('a later page that fails offers Retry, and nothing shown is lost', async ({ page, sandbox }) => {
    // Twice: the first request and the automatic retry.
    await spoil(page, imagingStudyPage(sandbox, 50), 2, async (route) =>
      route.fulfill({ response: await route.fetch(), status: 500, body: '' }),
    );
    await new EhrLauncherPage(page, sandbox).launch(GENERATED_PATIENT_ID);
    const list = new StudyListPage(page);
    const error = page.getByTestId('study-list-error');
    await expect(error).toContainText(
      'the rest of the list could not be loaded: The FHIR server answered HTTP 500.',
    );
    await expect(list.count).toHaveAttribute('data-total', '50');
    await expect(list.rows.first()).toBeVisible();

    await page.getByTestId('study-list-retry').click();
    await list.waitUntilComplete();
    await expect(list.count).toHaveAttribute('data-total', '1000');
    await expect(error).toHaveCount(0);
  });

  test('a malformed page says the FHIR server sent an invalid response, and Retry recovers', async ({
    page,
    sandbox,
  }) => {
    await spoil(page, imagingStudyPage(sandbox, null), 2, async (route) =>
      route.fulfill({ response: await route.fetch(), body: '{"resourceType": "Bundle", "entry": [' }),
    );
    await new EhrLauncherPage(page, sandbox).launch('phantom');
    const error = page.getByTestId('study-list-error');
    await expect(error).toContainText(
      `The study list could not be loaded: The FHIR server at ${sandbox.fhir} sent an invalid response.`,
    );
    await expect(error).not.toContainText('JSON');

    await page.getByTestId('study-list-retry').click();
    await new StudyListPage(page).waitUntilComplete();
    await expect(page.getByTestId('study-list')).toBeVisible();
    await expect(error).toHaveCount(0);
  });
});
