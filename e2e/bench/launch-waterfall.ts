import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SandboxInfo } from '../../sandbox/sandbox-info';
import type { PageMarks, Preflight, TracedRequest } from './launch-trace';

/** One launch (or reload) taken apart: ms from its start (`t0`), counts and bytes. */
export interface LaunchFigures {
  /** The first image on screen: the first paint, or the renderer's when there was none. */
  readonly firstImage: number;
  /** The renderer's first image (tools work from here). */
  readonly rendererImage: number;
  readonly wholeSeries: number;
  /** The shown series' last frame response in (the network's part of `wholeSeries`; NaN on a reload). */
  readonly seriesFetched: number;
  /** From the end of the token response to the first image (NaN on a reload: no token request). */
  readonly tokenToFirstImage: number;
  /** Critical-path milestones, ms from t0, in the order they are listed in MILESTONES. */
  readonly milestones: ReadonlyMap<string, number>;
  readonly appConfigFetches: number;
  readonly discoveryFetches: number;
  readonly preflightsBeforeFirstImage: number;
  readonly preflights: number;
  /** Preflights per origin kind over the whole run ("pacs-a: 3, fhir: 2"). */
  readonly preflightsByOrigin: string;
  /** The most preflights any one imaging origin got. */
  readonly maxImagingPreflights: number;
  readonly js: { files: number; rawKb: number; gzipKb: number; wireKb: number; encodings: string };
  /** The WebAssembly codecs the page fetched (file names without their hash). */
  readonly codecs: readonly string[];
  /** The shown series' frame requests (the floor takes its headers from the first). */
  readonly frameRequests: readonly TracedRequest[];
}

type Pick = 'start' | 'end';
interface Milestone {
  readonly name: string;
  readonly pick: Pick;
  readonly match: (request: TracedRequest, where: Origins) => boolean;
}

export interface Origins {
  readonly app: string;
  readonly ehr: string;
  readonly fhir: string;
  /** The DICOMweb bases the app's requests go to (on a PACS's origin, or a path of a site's), by name. */
  readonly pacs: ReadonlyMap<string, string>;
  readonly redirectPath: string;
}

const isJs = (request: TracedRequest) => /\.m?js$/.test(request.url.pathname);
/** The name of the DICOMweb base a URL is under, if any. */
function pacsOf(url: URL, where: Origins): string | undefined {
  for (const [base, name] of where.pacs) if (url.href.startsWith(`${base}/`)) return name;
  return undefined;
}
const onPacs = (request: TracedRequest, where: Origins) => pacsOf(request.url, where) !== undefined;

/** The critical path of a cold EHR launch, in the order it should happen. */
const MILESTONES: readonly Milestone[] = [
  {
    name: '/launch HTML',
    pick: 'end',
    match: (r, w) => r.url.origin === w.app && r.url.pathname === '/launch',
  },
  {
    name: 'entry JS',
    pick: 'end',
    match: (r, w) => r.url.origin === w.app && /^\/assets\/index-.*\.js$/.test(r.url.pathname),
  },
  { name: 'app-config', pick: 'end', match: (r) => r.url.pathname === '/app-config.json' },
  {
    name: 'SMART discovery',
    pick: 'end',
    match: (r) => r.url.pathname.endsWith('/.well-known/smart-configuration'),
  },
  {
    name: '/authorize',
    pick: 'start',
    match: (r, w) => r.url.origin === w.ehr && r.url.pathname.includes('authorize'),
  },
  {
    name: '/callback HTML',
    pick: 'start',
    match: (r, w) => r.url.origin === w.app && r.url.pathname === w.redirectPath,
  },
  { name: 'token response', pick: 'end', match: (r, w) => r.method === 'POST' && r.url.origin === w.ehr },
  { name: 'Patient read', pick: 'start', match: (r, w) => r.url.href.startsWith(`${w.fhir}/Patient/`) },
  {
    name: 'ImagingStudy search',
    pick: 'start',
    match: (r, w) => r.url.href.startsWith(`${w.fhir}/ImagingStudy`),
  },
  { name: 'viewer chunk', pick: 'end', match: (r) => /\/viewer-route-[^/]*\.js$/.test(r.url.pathname) },
  {
    name: 'decode worker script',
    pick: 'start',
    match: (r) => /decodeImageFrameWorker[^/]*\.js$/.test(r.url.pathname),
  },
  { name: 'first DICOMweb request', pick: 'start', match: onPacs },
  {
    name: 'metadata request',
    pick: 'start',
    match: (r, w) => onPacs(r, w) && r.url.pathname.endsWith('/metadata'),
  },
  {
    name: 'first frame request',
    pick: 'start',
    match: (r, w) => onPacs(r, w) && r.url.pathname.includes('/frames/'),
  },
  {
    name: 'first frame response',
    pick: 'end',
    match: (r, w) => onPacs(r, w) && r.url.pathname.includes('/frames/'),
  },
];

export const MILESTONE_NAMES = [
  ...MILESTONES.slice(0, 10).map((m) => m.name),
  'largest JS chunk (Cornerstone)',
  ...MILESTONES.slice(10).map((m) => m.name),
  'first paint (before the renderer)',
  'first image in the renderer',
  'first image on screen',
];

export function originsOf(sandbox: SandboxInfo): Origins {
  return {
    app: new URL(sandbox.app ?? '').origin,
    ehr: new URL(sandbox.ehr).origin,
    fhir: sandbox.fhir.replace(/\/+$/, ''),
    pacs: new Map([
      [sandbox.pacs.a.replace(/\/+$/, ''), 'pacs-a'],
      [sandbox.pacs.b.replace(/\/+$/, ''), 'pacs-b'],
    ]),
    redirectPath: new URL(sandbox.redirectUri).pathname,
  };
}

export function launchFigures(input: {
  t0: number;
  requests: readonly TracedRequest[];
  preflights: readonly Preflight[];
  marks: PageMarks;
  origins: Origins;
  distDir: string;
}): LaunchFigures {
  const { t0, requests, preflights, marks, origins, distDir } = input;
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const from = (time: number | undefined) => (time === undefined ? NaN : time - t0);
  // On screen: the first paint when there was one, else (or if earlier) the renderer's image.
  const rendererImageAt = marks.firstImage ?? NaN;
  const firstImageAt = Math.min(marks.firstPaint ?? Infinity, rendererImageAt);
  const milestones = new Map<string, number>();
  for (const milestone of MILESTONES) {
    const hit = sorted.find((request) => milestone.match(request, origins));
    milestones.set(milestone.name, from(hit ? hit[milestone.pick] : undefined));
  }
  const appJs = sorted.filter((request) => request.url.origin === origins.app && isJs(request));
  const largest = appJs
    .map((request) => ({ request, size: fileSize(distDir, request.url.pathname) }))
    .sort((a, b) => b.size - a.size)[0];
  milestones.set('largest JS chunk (Cornerstone)', from(largest?.request.end));
  milestones.set('first paint (before the renderer)', from(marks.firstPaint ?? NaN));
  milestones.set('first image in the renderer', from(rendererImageAt));
  milestones.set('first image on screen', from(firstImageAt));

  const firstDicomweb = sorted.find((request) => onPacs(request, origins))?.start ?? Infinity;
  const beforeDicomweb = new Map<string, TracedRequest>();
  for (const request of appJs)
    if (request.start < firstDicomweb && !beforeDicomweb.has(request.url.pathname))
      beforeDicomweb.set(request.url.pathname, request);
  const jsFiles = [...beforeDicomweb.values()];
  const kb = (bytes: number) => bytes / 1024;

  const kinds = new Map<string, number>();
  const perImagingOrigin = new Map<string, number>();
  for (const preflight of preflights) {
    const pacs = pacsOf(preflight.url, origins);
    const kind =
      pacs ??
      (preflight.url.href.startsWith(origins.fhir)
        ? 'fhir'
        : preflight.url.origin === origins.ehr
          ? 'ehr'
          : preflight.url.origin);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (pacs) perImagingOrigin.set(pacs, (perImagingOrigin.get(pacs) ?? 0) + 1);
  }
  const seriesUid = marks.seriesUid ?? '\u0000';
  const frameRequests = sorted.filter(
    (request) =>
      onPacs(request, origins) &&
      request.url.pathname.includes(`/series/${seriesUid}/`) &&
      request.url.pathname.includes('/frames/'),
  );
  // The series' frames come in frame requests and in one request for the whole series.
  const seriesAnswers = [
    ...frameRequests,
    ...sorted.filter(
      (request) => onPacs(request, origins) && request.url.pathname.endsWith(`/series/${seriesUid}`),
    ),
  ];
  return {
    firstImage: from(firstImageAt),
    rendererImage: from(rendererImageAt),
    wholeSeries: from(marks.seriesCached ?? NaN),
    seriesFetched:
      marks.seriesCached === null || seriesAnswers.length === 0
        ? NaN
        : from(Math.max(...seriesAnswers.map((r) => r.end))),
    tokenToFirstImage: firstImageAt - (t0 + (milestones.get('token response') ?? NaN)),
    milestones,
    appConfigFetches: sorted.filter((r) => r.url.pathname === '/app-config.json').length,
    discoveryFetches: sorted.filter((r) => r.url.pathname.endsWith('/.well-known/smart-configuration'))
      .length,
    preflightsBeforeFirstImage: preflights.filter((p) => p.at < firstImageAt).length,
    preflights: preflights.length,
    preflightsByOrigin: [...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ') || 'none',
    maxImagingPreflights: Math.max(0, ...perImagingOrigin.values()),
    js: {
      files: jsFiles.length,
      rawKb: kb(jsFiles.reduce((sum, r) => sum + fileSize(distDir, r.url.pathname), 0)),
      gzipKb: kb(jsFiles.reduce((sum, r) => sum + gzipSize(distDir, r.url.pathname), 0)),
      wireKb: kb(jsFiles.reduce((sum, r) => sum + (Number.isFinite(r.wireBytes) ? r.wireBytes : 0), 0)),
      encodings: [...new Set(jsFiles.map((r) => r.contentEncoding || 'identity'))].join('/'),
    },
    codecs: [
      ...new Set(
        sorted
          .filter((request) => request.url.pathname.endsWith('.wasm'))
          .map((request) => (request.url.pathname.split('/').pop() ?? '').replace(/-[\w-]{8}\.wasm$/, '')),
      ),
    ],
    frameRequests,
  };
}

function fileSize(distDir: string, pathname: string): number {
  const file = join(distDir, pathname);
  return existsSync(file) ? statSync(file).size : 0;
}

function gzipSize(distDir: string, pathname: string): number {
  const file = join(distDir, pathname);
  if (existsSync(`${file}.gz`)) return statSync(`${file}.gz`).size;
  return existsSync(file) ? gzipSync(readFileSync(file)).length : 0;
}
