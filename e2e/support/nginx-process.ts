import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SandboxInfo } from '../../sandbox/sandbox-info';
import { PROJECT_ROOT } from '../../sandbox/sandbox-options';

const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const READY_TIMEOUT_MS = 15_000;

export interface NginxProcess {
  /** `http://127.0.0.1:PORT` (https with `tls`) */
  readonly origin: string;
  /** The site config render-nginx-config.mjs wrote, as nginx runs it. */
  readonly siteConfig: string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx and its brotli module, installed as `npm start` installs Orthanc: as root the script
 * installs what is missing, otherwise it says what to install and this throws.
 */
function ensureNginx(): void {
  if (existsSync(NGINX) && existsSync(BROTLI_MODULE)) return;
  const result = spawnSync('sh', [join(PROJECT_ROOT, 'scripts', 'ensure-system-deps.sh'), '--with-nginx'], {
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error("Debian's nginx is needed for the deployment e2e tests (see above).");
}

/** nginx's own main config for a test: in the foreground, everything under `prefix`, the site included. */
function mainConfig(prefix: string, siteFile: string, tls?: { certificate: string; key: string }): string {
  const temp = (name: string) => `${name}_temp_path ${join(prefix, 'tmp', name)};`;
  return `# Written by e2e/support/nginx-process.ts for one test run.
daemon off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
load_module ${BROTLI_MODULE};
${process.getuid?.() === 0 ? 'user root;\n' : ''}events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
${tls ? `    ssl_certificate ${tls.certificate};\n    ssl_certificate_key ${tls.key};\n` : ''}    include ${siteFile};
}
`;
}

/** Whether the URL answers 200; over HTTPS the certificate is not checked (a test's own, self-signed). */
function answersOk(url: string): Promise<boolean> {
  if (!url.startsWith('https:'))
    return fetch(url).then(
      (response) => response.ok,
      () => false,
    );
  return new Promise((done) => {
    const request = httpsGet(url, { rejectUnauthorized: false }, (response) => {
      response.resume();
      done(response.statusCode === 200);
    });
    request.on('error', () => done(false));
  });
}

async function waitForPort(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited (code ${child.exitCode}) before serving`);
    const answered = await answersOk(`${origin}/app-config.json`);
    if (answered) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`nginx did not answer on ${origin} in time`);
}

/**
 * Starts Debian's nginx as a child process (not the system service) serving the built app with the site
 * config the deployment recipe renders: `deploy/render-nginx-config.mjs` run as the README says, with
 * `--discover` against the sandbox's FHIR server, the open PACS as `--connect-src` and the sandbox EHR
 * as the one frame ancestor.
 */
export async function startNginx(options: {
  port: number;
  /** The app-config.json to serve (and take the CSP's origins from). */
  appConfig: unknown;
  connectSrc: readonly string[];
  frameAncestors: readonly string[];
  /** Serve HTTPS and HTTP/2 with this certificate and key (PEM files), as a site should. */
  tls?: { readonly certificate: string; readonly key: string };
}): Promise<NginxProcess> {
  ensureNginx();
  const prefix = resolve(PROJECT_ROOT, '.sandbox', `nginx-${options.port}`);
  await rm(prefix, { recursive: true, force: true });
  for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    await mkdir(join(prefix, 'tmp', name), { recursive: true });
  }
  const appConfigFile = join(prefix, 'app-config.json');
  await writeFile(appConfigFile, JSON.stringify(options.appConfig, null, 2));
  const siteFile = join(prefix, 'site.conf');
  const render = spawnSync(
    process.execPath,
    [
      join(PROJECT_ROOT, 'deploy', 'render-nginx-config.mjs'),
      '--app-config',
      appConfigFile,
      '--root',
      join(PROJECT_ROOT, 'dist'),
      '--discover',
      ...options.connectSrc.flatMap((origin) => ['--connect-src', origin]),
      ...options.frameAncestors.flatMap((origin) => ['--frame-ancestors', origin]),
      '--listen',
      `127.0.0.1:${options.port}${options.tls ? ' ssl http2' : ''}`,
      '--out',
      siteFile,
    ],
    { encoding: 'utf8' },
  );
  if (render.status !== 0) throw new Error(`render-nginx-config failed: ${render.stderr}`);
  const configFile = join(prefix, 'nginx.conf');
  await writeFile(configFile, mainConfig(prefix, siteFile, options.tls));
  const child = spawn(NGINX, ['-p', prefix, '-c', configFile, '-e', 'stderr'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${options.port}`;
  try {
    await waitForPort(origin, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { origin, siteConfig: siteFile, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    // SIGQUIT: nginx's graceful shutdown (workers finish, the master removes its pid file).
    child.kill('SIGQUIT');
  });
}

/**
 * The app-config.json of a site in front of the sandbox: the sandbox EHR as its one issuer, and the PACSes
 * it forwards (`imagingProxies`), if any.
 */
export function sandboxSiteConfig(
  sandbox: SandboxInfo,
  imagingProxies: readonly { server: string; path: string }[] = [],
): Record<string, unknown> {
  return {
    clientId: sandbox.clientId,
    redirectPath: '/callback',
    issuers: [{ iss: sandbox.fhir, name: 'Sandbox EHR (FHIR R4)' }],
    imagingTokenOrigins: [],
    imagingProxies,
  };
}

/** A launch by the sandbox EHR (of a patient, or one of their studies), sent to the app a site serves. */
export async function sandboxLaunchAt(
  sandbox: SandboxInfo,
  siteOrigin: string,
  context: { patient: string; study?: string },
): Promise<string> {
  const response = await fetch(`${sandbox.ehr}/api/launch?${new URLSearchParams(context).toString()}`);
  const launch = new URL(((await response.json()) as { launchUrl: string }).launchUrl);
  return `${siteOrigin}${launch.pathname}${launch.search}`;
}
