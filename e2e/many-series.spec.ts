import type { Page } from '@playwright/test';
import {
  MANY_SERIES_COUNT,
  MANY_SERIES_PATIENT_ID,
  MANY_SERIES_STUDY_ID,
} from '../sandbox/data/many-series-patient';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { ViewerPage } from './pages/viewer-page';
import { expect, test } from './support/fixtures';

/** The series UIDs whose WADO-RS metadata the page asked for, in order. */
function recordMetadataRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const match = /\/series\/([^/]+)\/metadata$/.exec(new URL(request.url()).pathname);
    if (match?.[1]) seen.push(match[1]);
  });
  return seen;
}

test.describe('a study of 2,000 series', () => {
  test('shows its first image, asks only for the series on screen, and loads more as the panel scrolls', async ({
    page,
    sandbox,
  }) => {
    const study = sandbox.studies[MANY_SERIES_STUDY_ID];
    if (!study) throw new Error(`The sandbox has no ${MANY_SERIES_STUDY_ID}.`);
    expect(study.series).toHaveLength(MANY_SERIES_COUNT);
    const metadata = recordMetadataRequests(page);

    await new EhrLauncherPage(page, sandbox).launch(MANY_SERIES_PATIENT_ID, { study: study.id });
    const viewer = new ViewerPage(page);
    const first = study.series[0]?.uid ?? '';
    await viewer.waitForImage(first);
    // The viewport's series went first.
    expect(metadata[0]).toBe(first);

    // Every thumbnail that exists has its preview; nothing more was asked for than they and the
    // viewport need (the viewport's series is the first thumbnail's).
    const mounted = await viewer.thumbnails.count();
    expect(mounted).toBeGreaterThan(3);
    expect(mounted).toBeLessThan(30);
    for (let i = 0; i < mounted; i += 1)
      await expect(viewer.thumbnails.nth(i)).toHaveAttribute('data-thumbnail-status', 'ready');
    const onScreen = await viewer.thumbnails.evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-series-uid')),
    );
    expect(new Set(metadata)).toEqual(new Set(onScreen));
    expect(metadata).toHaveLength(new Set(metadata).size);

    // The header speaks only of what it has checked.
    const coverage = page.getByTestId('study-identity-coverage');
    await expect(coverage).toHaveText(`Patient identity checked in ${mounted} of 2,000 series`);
    await expect(page.getByTestId('study-patient-mismatch')).toHaveCount(0);

    // Far down the list: series 1,000 comes into view with its preview, and only the series near it
    // are asked for, not the thousand scrolled past in one jump.
    const before = metadata.length;
    const panel = page.getByTestId('series-panel');
    await panel.evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
    });
    const middle = study.series[999]?.uid ?? '';
    await expect(viewer.thumbnail(middle)).toHaveAttribute('data-thumbnail-status', 'ready');
    const added = metadata.slice(before);
    expect(added).toContain(middle);
    expect(added.length).toBeLessThan(30);
    const indexOf = new Map(study.series.map((series, index) => [series.uid, index]));
    for (const uid of added) expect(Math.abs((indexOf.get(uid) ?? 0) - 999)).toBeLessThan(30);

    // Still answering: a click shows that series, and PageDown steps to the next one and brings its
    // thumbnail into view even from far away.
    await viewer.showSeries(middle);
    await panel.evaluate((element) => {
      element.scrollTop = 0;
    });
    await viewer.press('PageDown');
    const next = study.series[1000]?.uid ?? '';
    await viewer.waitForImage(next);
    await expect(viewer.thumbnail(next)).toBeInViewport();
    await expect(viewer.thumbnail(next)).toHaveAttribute('aria-pressed', 'true');
  });
});
