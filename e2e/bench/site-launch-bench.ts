import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { SandboxInfo, StudyInfo } from '../../sandbox/sandbox-info';
import { sandboxLaunchAt, sandboxSiteConfig, startNginx, type NginxProcess } from '../support/nginx-process';
import {
  benchSitePorts,
  launchUnroutedBrowser,
  newUnroutedPage,
  type BenchContext,
  type BenchRow,
  type BenchSection,
} from './bench-section';
import { benchRuns, loadAverage, medianRow } from './bench-stats';
import { LaunchTrace } from './launch-trace';
import { launchFigures, originsOf, type LaunchFigures, type Origins } from './launch-waterfall';

/**
 * The EHR launch of the GE head CT through the deployment recipe (nginx, deploy/), two sites side by
 * side, launched alternately: one where the viewer asks pacs-a on pacs-a's own origin (CORS: a preflight
 * per URL that carries the token), one where the site forwards pacs-a from a path of its own origin
 * (`imagingProxies`: same-origin, no preflight). Same build, same sandbox, same load.
 */
export const section: BenchSection = { name: 'site-launch', run };

const STUDY = 'phantom-ge-head-ct';
/**
 * `BENCH_SITE_LATENCY_MS`: a round trip added to every request (DevTools' network emulation), as a
 * network between the browser and its servers would; 0 by default (the loopback's own).
 */
const LATENCY_MS = Number(process.env.BENCH_SITE_LATENCY_MS ?? 0);
/**
 * The sites serve HTTPS and HTTP/2 (a self-signed certificate made here, which this browser is told to
 * accept), as a deployment should; `BENCH_SITE_TLS=0` for plain HTTP/1.1 (six connections to a host,
 * which the forwarded PACS then shares with the site's own files).
 */
const TLS = process.env.BENCH_SITE_TLS !== '0';
const PACS_A_PATH = '/pacs-a/dicom-web';

interface Site {
  readonly label: string;
  readonly nginx: NginxProcess;
  readonly origins: Origins;
}

async function run(context: BenchContext): Promise<BenchRow[]> {
  const { sandbox } = context;
  const study = sandbox.studies[STUDY];
  if (!study) throw new Error(`the sandbox has no ${STUDY}`);
  const [directPort, proxiedPort] = benchSitePorts(context.portBase);
  const sites: Site[] = [];
  const tls = TLS ? selfSignedCertificate(context.projectRoot) : undefined;
  const browser = await launchUnroutedBrowser(TLS ? ['--ignore-certificate-errors'] : []);
  try {
    sites.push(
      await startSite(sandbox, directPort, false, tls),
      await startSite(sandbox, proxiedPort, true, tls),
    );
    const runs = new Map<Site, { load: number; launch: LaunchFigures }[]>(sites.map((site) => [site, []]));
    for (let i = 0; i < benchRuns(); i += 1) {
      for (const site of i % 2 === 0 ? sites : [...sites].reverse()) {
        const load = loadAverage();
        const launch = await launchOnce(browser, sandbox, site, study, context.distDir);
        runs.get(site)?.push({ load, launch });
        const at = (name: string) => launch.milestones.get(name)?.toFixed(0) ?? '?';
        context.log(
          `${site.label} run ${i + 1}: token ${at('token response')}, first DICOMweb request ${at('first DICOMweb request')}, first frame ${at('first frame response')}, first image ${launch.firstImage.toFixed(0)} ms`,
        );
      }
    }
    return sites.flatMap((site) => rowsOf(site, runs.get(site) ?? []));
  } finally {
    await browser.close();
    for (const site of sites) await site.nginx.stop();
  }
}

/** A certificate and key for 127.0.0.1, made once per run (openssl). */
function selfSignedCertificate(projectRoot: string): { certificate: string; key: string } {
  const dir = join(projectRoot, '.sandbox', 'bench-site-tls');
  mkdirSync(dir, { recursive: true });
  const certificate = join(dir, 'certificate.pem');
  const key = join(dir, 'key.pem');
  const result = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      certificate,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`openssl could not make a certificate: ${result.stderr}`);
  return { certificate, key };
}

async function startSite(
  sandbox: SandboxInfo,
  port: number,
  proxied: boolean,
  tls: { certificate: string; key: string } | undefined,
): Promise<Site> {
  const nginx = await startNginx({
    port,
    ...(tls ? { tls } : {}),
    appConfig: sandboxSiteConfig(sandbox, proxied ? [{ server: sandbox.pacs.a, path: PACS_A_PATH }] : []),
    connectSrc: [sandbox.pacs.b],
    frameAncestors: [],
  });
  const sandboxOrigins = originsOf(sandbox);
  const origins: Origins = {
    ...sandboxOrigins,
    app: nginx.origin,
    pacs: proxied
      ? new Map([
          [`${nginx.origin}${PACS_A_PATH}`, 'pacs-a (through the site)'],
          ...[...sandboxOrigins.pacs].filter(([, name]) => name !== 'pacs-a'),
        ])
      : sandboxOrigins.pacs,
  };
  const protocol = tls ? 'HTTPS, HTTP/2' : 'HTTP/1.1';
  const label = `${protocol} site, ${proxied ? 'pacs-a through it (imagingProxies)' : 'pacs-a on its own origin (CORS)'}`;
  return { label, nginx, origins };
}

async function launchOnce(
  browser: Browser,
  sandbox: SandboxInfo,
  site: Site,
  study: StudyInfo,
  distDir: string,
): Promise<LaunchFigures> {
  const launchUrl = await sandboxLaunchAt(sandbox, site.nginx.origin, {
    patient: study.patient,
    study: study.id,
  });
  const page = await newUnroutedPage(browser);
  try {
    const trace = await LaunchTrace.attach(page);
    if (LATENCY_MS > 0) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: LATENCY_MS,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    }
    trace.reset();
    await page.goto(launchUrl);
    const marks = await trace.waitForMarks(false);
    const requests = await trace.tracedRequests();
    const t0 =
      requests.find((r) => r.url.origin === site.origins.app && r.url.pathname === '/launch')?.start ?? NaN;
    return launchFigures({
      t0,
      requests,
      preflights: trace.preflights(),
      marks,
      origins: site.origins,
      distDir,
    });
  } finally {
    await page.context().close();
  }
}

function rowsOf(site: Site, runs: readonly { load: number; launch: LaunchFigures }[]): BenchRow[] {
  const pick = (get: (figures: LaunchFigures) => number) => runs.map((r) => get(r.launch));
  const loads = runs.map((r) => r.load);
  const loadNote = `load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}; ${LATENCY_MS} ms added per request`;
  return [
    medianRow(
      `${site.label}: /launch → first image on screen`,
      pick((f) => f.firstImage),
      'ms',
      '',
      loadNote,
    ),
    medianRow(
      `${site.label}: token response → first image`,
      pick((f) => f.tokenToFirstImage),
      'ms',
      '≤ 300',
    ),
    medianRow(
      `${site.label}: CORS preflights before the first image`,
      pick((f) => f.preflightsBeforeFirstImage),
      '',
      '',
      `last run, whole launch: ${runs.at(-1)?.launch.preflightsByOrigin ?? ''}`,
    ),
    medianRow(
      `${site.label}: most preflights to one imaging server`,
      pick((f) => f.maxImagingPreflights),
      '',
      '≤ 1',
    ),
  ];
}
