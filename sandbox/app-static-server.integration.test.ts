import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer } from './app-static-server.ts';
import { closeServer } from './http-helpers.ts';
import { testPort } from './test-port';

const APP = `http://127.0.0.1:${testPort(4570)}`;
let dir: string;
let server: Server;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-dist-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'assets', 'codec.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(join(dir, 'assets', 'worker.js'), 'self.onmessage = () => {};');
  await writeFile(join(dir, 'app-config.json'), '{"stale": true}');
  server = await startAppServer({
    port: testPort(4570),
    distDir: dir,
    appConfig: { clientId: 'imaging-viewer' },
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
});
