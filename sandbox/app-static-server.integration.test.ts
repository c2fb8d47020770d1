import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer } from './app-static-server.ts';
import { closeServer } from './http-helpers.ts';
import { testPort } from './test-port';

const APP = `http://127.0.0.1:${testPort(4570)}`;
const ENTRY_JS = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `row ${i}`))};`;
let dir: string;
let server: Server;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-dist-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'assets', 'codec.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(join(dir, 'assets', 'worker.js'), 'self.onmessage = () => {};');
  await writeFile(join(dir, 'assets', 'entry.js'), ENTRY_JS);
  await writeFile(join(dir, 'assets', 'entry.js.gz'), gzipSync(ENTRY_JS));
  await writeFile(join(dir, 'assets', 'entry.js.br'), brotliCompressSync(ENTRY_JS));
  await writeFile(join(dir, 'app-config.json'), '{"stale": true}');
  server = await startAppServer({
    port: testPort(4570),
    distDir: dir,
    appConfig: { clientId: 'imaging-viewer' },
    csp: { connectSrc: ['http://127.0.0.1:9/fhir'], frameAncestors: ['http://127.0.0.1:8'] },
  });
});

afterAll(async () => {
  await closeServer(server);
  await rm(dir, { recursive: true, force: true });
});

describe('app static server', () => {
  it('falls back to index.html for client-side routes', async () => {
    for (const path of ['/', '/launch?iss=x&launch=y', '/callback', '/studies/abc']) {
      const response = await fetch(`${APP}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>app</title>');
    }
  });

  it('serves wasm and workers with the types browsers insist on', async () => {
    expect((await fetch(`${APP}/assets/codec.wasm`)).headers.get('content-type')).toBe('application/wasm');
    expect((await fetch(`${APP}/assets/worker.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${APP}/assets/missing.js`)).status).toBe(404);
  });

  it('serves the runtime config instead of the built one', async () => {
    expect(await (await fetch(`${APP}/app-config.json`)).json()).toEqual({ clientId: 'imaging-viewer' });
  });

  it('never serves files outside dist', async () => {
    for (const path of [
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2fetc%2fhostname',
    ]) {
      const response = await fetch(`${APP}${path}`);
      const body = await response.text();
      expect(body).not.toContain('root:');
      if (response.status === 200) expect(body).toContain('<title>app</title>');
    }
  });

  it('sends the deployment headers on every response, errors included', async () => {
    for (const path of ['/', '/viewer?x=1', '/assets/worker.js', '/app-config.json', '/assets/missing.js']) {
      const response = await fetch(`${APP}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp, path).toContain("connect-src 'self' http://127.0.0.1:9;");
      expect(csp, path).toContain('frame-ancestors http://127.0.0.1:8;');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('permissions-policy'), path).toContain('camera=()');
    }
  });

  it('caches hashed assets for good and makes index.html and the config revalidate', async () => {
    const cache = async (path: string) => (await fetch(`${APP}${path}`)).headers.get('cache-control');
    expect(await cache('/assets/worker.js')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/callback', '/app-config.json']) {
      expect(await cache(path), path).toBe('no-cache');
    }
  });

  it('sends the precompressed twin the browser accepts, brotli first', async () => {
    const get = (encoding: string) =>
      fetch(`${APP}/assets/entry.js`, { headers: { 'Accept-Encoding': encoding } });
    const brotli = await get('gzip, deflate, br');
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('vary')).toBe('Accept-Encoding');
    expect(await brotli.text()).toBe(ENTRY_JS);
    const gzip = await get('gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe(ENTRY_JS);
    const plain = await get('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(ENTRY_JS);
    // A file the build did not compress is sent as it is, whatever the browser accepts.
    expect((await fetch(`${APP}/assets/worker.js`)).headers.get('content-encoding')).toBeNull();
  });
});
