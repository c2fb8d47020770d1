#!/usr/bin/env node
// Renders the nginx site for the built viewer from the deployment's app-config.json, with the
// Content-Security-Policy's origins filled in from it. Node alone, no npm install:
//
//   node deploy/render-nginx-config.mjs --app-config /etc/imaging-viewer/app-config.json \
//     --root /var/www/imaging-viewer --discover --frame-ancestors https://ehr.example.org \
//     --connect-src https://pacs.example.org > /etc/nginx/sites-available/imaging-viewer
//
// See the README's "Deploying" section for every option.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { renderNginxSite } from './nginx-site.mjs';
import { cspOriginsFromAppConfig, securityHeaders } from './security-headers.mjs';

const USAGE = `usage: node deploy/render-nginx-config.mjs --app-config FILE [options]
  --app-config FILE        the site's app-config.json: its issuers and imagingTokenOrigins go into the CSP,
                           its imagingProxies become proxied paths, and nginx serves it at
                           /app-config.json (keep it outside the build folder)
  --root DIR               the built app (dist/) as nginx sees it     [/var/www/imaging-viewer]
  --discover               read each issuer's .well-known/smart-configuration now and add its
                           token endpoint and associated_endpoints (needs the EHR reachable from here)
  --connect-src URL        another server the app talks to: an image server that needs no token, a token
                           endpoint when not using --discover (repeatable)
  --frame-ancestors URL    an EHR that may show the viewer in a frame (repeatable; none: no one may)
  --listen ADDR            nginx listen                               [80]
  --server-name NAME       nginx server_name                          [_]
  --no-brotli              leave out brotli_static (without libnginx-mod-http-brotli-static)
  --out FILE               write there instead of standard output`;

async function smartConfigurationOf(iss) {
  const url = `${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'app-config': { type: 'string' },
      root: { type: 'string', default: '/var/www/imaging-viewer' },
      discover: { type: 'boolean', default: false },
      'connect-src': { type: 'string', multiple: true, default: [] },
      'frame-ancestors': { type: 'string', multiple: true, default: [] },
      listen: { type: 'string', default: '80' },
      'server-name': { type: 'string', default: '_' },
      'no-brotli': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values['app-config']) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const appConfigFile = resolve(values['app-config']);
  const appConfig = JSON.parse(await readFile(appConfigFile, 'utf8'));
  const issuers = Array.isArray(appConfig.issuers) ? appConfig.issuers : [];
  const smartConfigurations = values.discover
    ? await Promise.all(issuers.map((issuer) => smartConfigurationOf(issuer.iss)))
    : [];
  const origins = cspOriginsFromAppConfig(appConfig, {
    smartConfigurations,
    connectSrc: values['connect-src'],
    frameAncestors: values['frame-ancestors'],
  });
  const site = renderNginxSite({
    root: resolve(values.root),
    appConfigFile,
    headers: securityHeaders(origins),
    listen: values.listen,
    serverName: values['server-name'],
    brotli: !values['no-brotli'],
    proxies: Array.isArray(appConfig.imagingProxies) ? appConfig.imagingProxies : [],
    source: ['node deploy/render-nginx-config.mjs', ...argv].join(' '),
  });
  if (values.out) await writeFile(values.out, site);
  else process.stdout.write(site);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`render-nginx-config: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
