import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultControlHandler } from './fault-controls.ts';
import { FhirHangFaults } from './fhir/fhir-faults.ts';
import { PacsFaults } from './pacs/pacs-faults.ts';

const revoked: string[] = [];
const deps = {
  revokeAccessTokens: () => revoked.push('access'),
  revokeRefreshTokens: () => revoked.push('refresh'),
  pacs: { a: new PacsFaults(), b: new PacsFaults() },
  fhir: new FhirHangFaults(),
};
const handle = createFaultControlHandler(deps);
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    void handle(req, res).then((handled) => {
      if (!handled) res.writeHead(418).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/faults`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const post = async (path: string) => {
  const response = await fetch(`${base}/${path}`, { method: 'POST' });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('fault controls', () => {
  it('sets each fault and says what is in force', async () => {
    expect((await post('slow-frames?pacs=b&delayMs=2000')).status).toBe(200);
    expect((await post('fhir-hang?match=_offset%3D50')).body).toEqual({
      match: '_offset=50',
      count: 1,
      ms: null,
    });
    expect((await post('pacs-busy?pacs=a&count=2&retryAfter=3')).status).toBe(200);
    const state = (await (await fetch(base)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({
      pacs: {
        a: { busy: { remaining: 2, retryAfter: 3 } },
        b: { frameDelay: { ms: 2000 }, stopped: null },
      },
      fhir: { match: '_offset=50', remaining: 1 },
    });
  });

  it('reset puts everything back', async () => {
    expect((await post('reset')).status).toBe(200);
    expect(await (await fetch(base)).json()).toMatchObject({
      pacs: { a: { busy: { remaining: 0 } }, b: { frameDelay: { ms: 0 } } },
      fhir: { remaining: 0 },
    });
  });

  it('revokes access tokens, or all tokens', async () => {
    await post('revoke?what=access');
    await post('revoke?what=all');
    expect(revoked).toEqual(['access', 'access', 'refresh']);
  });

  it('says what is wrong with a request instead of guessing', async () => {
    expect((await post('pacs-stop?pacs=c')).status).toBe(400);
    expect((await post('pacs-stop?pacs=a&mode=later')).status).toBe(400);
    expect((await post('slow-frames?pacs=a')).status).toBe(400);
    expect((await post('slow-frames?pacs=a&delayMs=-1')).status).toBe(400);
    const unknown = await post('meteor');
    expect(unknown.status).toBe(404);
    expect(unknown.body.controls).toContain('pacs-stop');
  });
});
