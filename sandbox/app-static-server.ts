import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { listen, requestUrl, safeHandler, sendJson } from './http-helpers.ts';

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

/**
 * Serves the built app from `dist/` with a single-page-app fallback (`/launch`, `/callback`, deep links all
 * get index.html) and the runtime config at `/app-config.json`, generated for the sandbox's actual ports.
 */
export async function startAppServer(options: {
  port: number;
  distDir: string;
  appConfig: unknown;
}): Promise<Server> {
  const root = normalize(options.distDir);
  const server = createServer(
    safeHandler('app', async (req, res) => {
      const url = requestUrl(req);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      if (url.pathname === '/app-config.json') {
        sendJson(res, 200, options.appConfig);
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
      // Hashed assets may be cached; index.html must not be, or a rebuild would be invisible.
      const cache = path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(path).pipe(res);
    }),
  );
  await listen(server, options.port);
  return server;
}
