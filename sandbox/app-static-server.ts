import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import {
  cacheControlFor,
  REVALIDATE_CACHE,
  securityHeaders,
  type CspOrigins,
} from '../deploy/security-headers.mjs';
import { chooseEncoding, PRECOMPRESSED, type Precompressed } from './accept-encoding.ts';
import { listen, requestUrl, safeHandler } from './http-helpers.ts';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  // Browsers only stream-compile WebAssembly served with its own type (the codecs are wasm).
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The precompressed twins (`.br`, `.gz`) the build wrote beside a file. */
async function precompressedBeside(path: string): Promise<Precompressed[]> {
  const found = await Promise.all(
    PRECOMPRESSED.map(async (twin) => (await isFile(path + twin.suffix)) && twin),
  );
  return found.filter((twin) => twin !== false);
}

/**
 * Serves the built app from `dist/` with a single-page-app fallback (`/launch`, `/callback`, deep links all
 * get index.html) and the runtime config at `/app-config.json`, generated for the sandbox's actual ports.
 * Every response carries the deployment's headers (deploy/security-headers.mjs: CSP with the sandbox's
 * origins, nosniff, no referrer, permissions) and the same caching as the nginx recipe; a file with a
 * precompressed twin is sent as brotli or gzip when the browser accepts it.
 */
export async function startAppServer(options: {
  port: number;
  distDir: string;
  appConfig: unknown;
  csp: CspOrigins;
}): Promise<Server> {
  const root = normalize(options.distDir);
  const headers = securityHeaders(options.csp);
  const server = createServer(
    safeHandler('app', async (req, res) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      const url = requestUrl(req);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      if (url.pathname === '/app-config.json') {
        const json = JSON.stringify(options.appConfig, null, 2);
        res.writeHead(200, {
          'Content-Type': MIME_TYPES['.json'],
          'Content-Length': Buffer.byteLength(json),
          'Cache-Control': REVALIDATE_CACHE,
        });
        res.end(req.method === 'HEAD' ? undefined : json);
        return;
      }
      const candidate = normalize(join(root, decodeURIComponent(url.pathname)));
      if (candidate !== root && !candidate.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      const hasExtension = extname(url.pathname) !== '';
      const path = (await isFile(candidate))
        ? candidate
        : hasExtension
          ? undefined
          : join(root, 'index.html');
      if (!path) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      const type = MIME_TYPES[extname(path)] ?? 'application/octet-stream';
      const twins = await precompressedBeside(path);
      const twin = chooseEncoding(req.headers['accept-encoding'], twins);
      const sent = twin ? path + twin.suffix : path;
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': (await stat(sent)).size,
        // Hashed assets may be cached for good; index.html must revalidate, or a rebuild would be invisible.
        'Cache-Control': cacheControlFor(path === candidate ? url.pathname : '/index.html'),
        ...(twins.length > 0 ? { Vary: 'Accept-Encoding' } : {}),
        ...(twin ? { 'Content-Encoding': twin.encoding } : {}),
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(sent).pipe(res);
    }),
  );
  await listen(server, options.port);
  return server;
}
