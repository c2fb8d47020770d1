import {
  HOSTILE_PATIENT_ID,
  TOKEN_REQUEST_STUDY_ID,
  UNTRUSTED_IMAGING_BASE,
} from '../sandbox/data/hostile-records-patient';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';

/**
 * FHIR data cannot direct the access token: an Endpoint saying `requires-access-token` on an origin
 * that neither the EHR (`associated_endpoints`) nor the deployment (`imagingTokenOrigins`) trusts gets
 * no token, and every place that would show its images says why.
 */
const CANNOT_GIVE = /needs an authorization the viewer cannot give/;

test('an Endpoint asking for the token on an untrusted origin gets none, and the screen says so', async ({
  page,
  sandbox,
  network,
}) => {
  const untrustedOrigin = new URL(UNTRUSTED_IMAGING_BASE).origin;
  await new EhrLauncherPage(page, sandbox).launch(HOSTILE_PATIENT_ID);
  const list = new StudyListPage(page);
  await list.waitUntilComplete();

  const preview = list.row(TOKEN_REQUEST_STUDY_ID).getByTestId('study-thumbnail-failure');
  await expect(preview).toHaveText('Needs an authorization the viewer cannot give');
  await expect(preview).toHaveAttribute('aria-label', CANNOT_GIVE);
  await expect(preview).toHaveAttribute('title', new RegExp(`${untrustedOrigin.replaceAll('.', '\\.')}`));

  await list.open(TOKEN_REQUEST_STUDY_ID);
  const viewer = new ViewerPage(page);
  await expect(viewer.thumbnails).toHaveCount(1);
  await expect(viewer.thumbnails.first().getByTestId('series-problem')).toContainText(CANNOT_GIVE);
  await expect(viewer.viewport.getByTestId('viewport-error')).toContainText(CANNOT_GIVE);

  // The network log: the token went to the FHIR server (the list was read) and nowhere near the
  // untrusted origin (the fixture's audit checks every other request as well).
  expect(
    network.requests.some((request) => request.url.startsWith(sandbox.fhir) && request.authorization),
  ).toBe(true);
  const there = network.requests.filter((request) => request.url.startsWith(untrustedOrigin));
  expect(there.filter((request) => request.authorization !== null)).toEqual([]);
});
