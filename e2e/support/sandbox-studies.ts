import type { Page } from '@playwright/test';
import { SYNTHETIC_CT_SLICES, syntheticCtInstanceUid } from '../../sandbox/data/synthetic-ct';
import type { SandboxInfo, SeriesInfo, StudyInfo } from '../../sandbox/sandbox-info';

/** The two-PACS Philips study and its 28-slice axial series, which most pixel checks use. */
export function philipsAxialSeries(sandbox: SandboxInfo): { study: StudyInfo; axial: SeriesInfo } {
  const study = sandbox.studies[sandbox.twoPacsStudy];
  const axial = study?.series.find((series) => series.instances === 28);
  if (!study || !axial) throw new Error('The sandbox names no 28-slice Philips series.');
  return { study, axial };
}

/**
 * The 300-slice synthetic CT on pacs-a. Its prefetch may have the whole series in memory soon after the
 * first image (on a fast machine it does): a test that needs frames still to come holds them back
 * (`holdSyntheticCtMiddle`).
 */
export function syntheticCtSeries(sandbox: SandboxInfo): { study: StudyInfo; series: SeriesInfo } {
  const study = sandbox.studies['phantom-synthetic-ct'];
  const series = study?.series[0];
  if (!study || !series) throw new Error('The sandbox has no synthetic CT.');
  return { study, series };
}

/**
 * Holds back every frame request of the synthetic CT but those of its two ends (either may be shown
 * first, and the other is where `End` goes), and the request for the whole series that brings the
 * frames ahead of the renderer, until `release` is called: the prefetch then waits at the slices after
 * the first, and a fault caused before `release` meets the requests it would otherwise have finished.
 * Install it before the viewer opens.
 */
export async function holdSyntheticCtMiddle(
  page: Page,
  sandbox: SandboxInfo,
  series: SeriesInfo,
): Promise<{ release: () => void }> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const ends = [syntheticCtInstanceUid(0), syntheticCtInstanceUid(SYNTHETIC_CT_SLICES - 1)];
  await page.route(`${sandbox.pacs.a}/studies/*/series/${series.uid}/instances/*/frames/*`, async (route) => {
    if (!ends.some((uid) => route.request().url().includes(`/instances/${uid}/`))) await released;
    await route.continue();
  });
  await page.route(`${sandbox.pacs.a}/studies/*/series/${series.uid}`, async (route) => {
    await released;
    await route.continue();
  });
  return { release };
}

/** The GE head CT: one series of 28 uncompressed slices, whose files are in the repository. */
export function geHeadCtSeries(sandbox: SandboxInfo): { study: StudyInfo; series: SeriesInfo } {
  const study = sandbox.studies['phantom-ge-head-ct'];
  const series = study?.series[0];
  if (!study || !series) throw new Error('The sandbox has no GE head CT.');
  return { study, series };
}
