import type { SandboxInfo, SeriesInfo, StudyInfo } from '../../sandbox/sandbox-info';

/** The two-PACS Philips study and its 28-slice axial series, which most pixel checks use. */
export function philipsAxialSeries(sandbox: SandboxInfo): { study: StudyInfo; axial: SeriesInfo } {
  const study = sandbox.studies[sandbox.twoPacsStudy];
  const axial = study?.series.find((series) => series.instances === 28);
  if (!study || !axial) throw new Error('The sandbox names no 28-slice Philips series.');
  return { study, axial };
}

/** The 300-slice synthetic CT on pacs-a: long enough that its prefetch is still running after the first image. */
export function syntheticCtSeries(sandbox: SandboxInfo): { study: StudyInfo; series: SeriesInfo } {
  const study = sandbox.studies['phantom-synthetic-ct'];
  const series = study?.series[0];
  if (!study || !series) throw new Error('The sandbox has no synthetic CT.');
  return { study, series };
}
