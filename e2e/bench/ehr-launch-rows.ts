import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './bench-section';
import { median, medianRow } from './bench-stats';
import type { LaunchFigures } from './launch-waterfall';
import { MILESTONE_NAMES } from './launch-waterfall';

/** One study's runs of the EHR-launch section. */
export interface LaunchRun {
  readonly load: number;
  readonly launch: LaunchFigures;
  readonly floorMs: number;
  /** The same frames from a fresh context of the app's origin: each URL pays its CORS preflight. */
  readonly freshFloorMs: number;
  /** The whole series in one Retrieve Series request, fetched plainly in the same page. */
  readonly seriesFloorMs: number;
  readonly reloadWarm: LaunchFigures | null;
  readonly reloadCold: LaunchFigures | null;
}

/**
 * The JS the first DICOMweb request waits for when the entry bundle sends it (the waterfall shows
 * whether it does): the entry script and the static imports index.html preloads with it.
 */
function entryJsRow(distDir: string): BenchRow {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? '');
  const gzip = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length, 0);
  const raw = files.reduce((sum, file) => sum + readFileSync(join(distDir, file)).length, 0);
  return {
    metric: 'JS the entry sends the first DICOMweb request from (entry + static imports, gzip)',
    value: gzip / 1024,
    unit: 'KB',
    target: '≤ 400',
    note: `${files.length} files, ${(raw / 1024).toFixed(0)} KB uncompressed`,
  };
}

export function rowsOf(
  target: { label: string; detailed: boolean },
  runs: readonly LaunchRun[],
  distDir: string,
): BenchRow[] {
  const { label } = target;
  const launches = runs.map((r) => r.launch);
  const pick = (get: (figures: LaunchFigures) => number) => launches.map(get);
  const loads = runs.map((r) => r.load);
  const loadNote = `load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
  const seriesTime = (r: LaunchRun) =>
    r.launch.wholeSeries - (r.launch.milestones.get('first DICOMweb request') ?? NaN);
  const fetchedTime = (r: LaunchRun) =>
    r.launch.seriesFetched - (r.launch.milestones.get('first DICOMweb request') ?? NaN);
  const seriesRatio = runs.map((r) => seriesTime(r) / r.floorMs);
  const rows: BenchRow[] = [
    medianRow(
      `${label}: EHR launch → first image on screen (first paint or renderer)`,
      pick((f) => f.firstImage),
      'ms',
      '≤ 800',
      loadNote,
    ),
    medianRow(
      `${label}: EHR launch → first image in the renderer (tools work)`,
      pick((f) => f.rendererImage),
      'ms',
    ),
    medianRow(
      `${label}: token response → first image`,
      pick((f) => f.tokenToFirstImage),
      'ms',
      '≤ 300',
    ),
    medianRow(
      `${label}: EHR launch → whole series in memory`,
      pick((f) => f.wholeSeries),
      'ms',
    ),
    medianRow(
      `${label}: floor, the series' frames fetched plainly (6 at a time)`,
      runs.map((r) => r.floorMs),
      'ms',
    ),
    medianRow(`${label}: whole series (from the first DICOMweb request) ÷ floor`, seriesRatio, '×', '≤ 1.3'),
    medianRow(
      `${label}: whole series fetched (its last frame or series answer in, from the first DICOMweb request) ÷ floor`,
      runs.map((r) => fetchedTime(r) / r.floorMs),
      '×',
      '',
      'the network part; the row above also waits for the renderer and the decodes',
    ),
    medianRow(
      `${label}: floor, the whole series in one request (Retrieve Series, as stored)`,
      runs.map((r) => r.seriesFloorMs),
      'ms',
    ),
    medianRow(
      `${label}: whole series ÷ the one-request floor`,
      runs.map((r) => seriesTime(r) / r.seriesFloorMs),
      '×',
      '',
    ),
    medianRow(
      `${label}: floor with a preflight per frame URL (fresh context of the app's origin)`,
      runs.map((r) => r.freshFloorMs),
      'ms',
    ),
    medianRow(
      `${label}: whole series ÷ floor with preflights`,
      runs.map((r) => seriesTime(r) / r.freshFloorMs),
      '×',
      '',
    ),
    medianRow(
      `${label}: CORS preflights before the first image`,
      pick((f) => f.preflightsBeforeFirstImage),
      '',
      '',
      `last run, whole launch: ${launches.at(-1)?.preflightsByOrigin ?? ''}`,
    ),
    medianRow(
      `${label}: most preflights to one imaging origin`,
      pick((f) => f.maxImagingPreflights),
      '',
      '≤ 1',
    ),
    {
      metric: `${label}: WebAssembly codecs fetched`,
      value: median(pick((f) => f.codecs.length)),
      unit: '',
      target: 'only its syntaxes',
      note: [...new Set(launches.flatMap((f) => f.codecs))].join(', ') || 'none in any run',
    },
  ];
  if (!target.detailed) return rows;
  rows.push(
    medianRow(
      'cold launch: app-config.json fetches',
      pick((f) => f.appConfigFetches),
      '',
      '1',
    ),
    medianRow(
      'cold launch: SMART discovery fetches',
      pick((f) => f.discoveryFetches),
      '',
      '1',
    ),
    medianRow(
      'JS requested before the first DICOMweb request (gzip; with the viewer chunk preloaded beside it)',
      pick((f) => f.js.gzipKb),
      'KB',
      '≤ 400',
      `${launches.at(-1)?.js.files ?? 0} files`,
    ),
    entryJsRow(distDir),
    medianRow(
      'JS requested before the first DICOMweb request (uncompressed)',
      pick((f) => f.js.rawKb),
      'KB',
    ),
    medianRow(
      'JS requested before the first DICOMweb request (as sent)',
      pick((f) => f.js.wireKb),
      'KB',
      '',
      `content-encoding ${launches.at(-1)?.js.encodings ?? ''}`,
    ),
  );
  for (const name of MILESTONE_NAMES)
    rows.push(
      medianRow(
        `waterfall (ms from the click): ${name}`,
        pick((f) => f.milestones.get(name) ?? NaN),
        'ms',
      ),
    );
  const warm = runs.flatMap((r) => (r.reloadWarm ? [r.reloadWarm] : []));
  const cold = runs.flatMap((r) => (r.reloadCold ? [r.reloadCold] : []));
  rows.push(
    medianRow(
      `${label}: session reload → first image (warm HTTP cache)`,
      warm.map((f) => f.firstImage),
      'ms',
      '≤ 300',
    ),
    medianRow(
      `${label}: session reload → first image (cold HTTP cache)`,
      cold.map((f) => f.firstImage),
      'ms',
      '≤ 500',
    ),
    medianRow(
      'session reload (warm): preflights before the first image',
      warm.map((f) => f.preflightsBeforeFirstImage),
      '',
    ),
    { metric: 'load average (1 min) during the runs', value: median(loads), unit: '', note: loadNote },
  );
  return rows;
}
