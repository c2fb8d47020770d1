import { test as base, expect, type Request } from '@playwright/test';
import type { SandboxInfo } from '../sandbox/sandbox-info';

export interface LoggedRequest {
  url: string;
  method: string;
  authorization: string | null;
}

/** Every request the browser made during a test, for assertions about where things went. */
export class NetworkLog {
  readonly requests: LoggedRequest[] = [];

  record(request: Request): void {
    const headers = request.headers();
    this.requests.push({
      url: request.url(),
      method: request.method(),
      authorization: headers.authorization ?? null,
    });
  }

  to(prefix: string): LoggedRequest[] {
    return this.requests.filter((request) => request.url.startsWith(prefix));
  }
}

function isLoopback(url: URL): boolean {
  return (
    ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ||
    url.protocol === 'data:' ||
    url.protocol === 'blob:'
  );
}

export const test = base.extend<{ sandbox: SandboxInfo; network: NetworkLog }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
  sandbox: async ({}, use) => {
    const info = process.env.SANDBOX_INFO;
    if (!info) throw new Error('SANDBOX_INFO is not set: run the e2e tests through playwright.config.ts.');
    await use(JSON.parse(info) as SandboxInfo);
  },
  context: async ({ context }, use) => {
    // The sample data names PACS on the internet (pacs.hospital.org…). Tests never leave this
    // machine: such requests fail here exactly as an unreachable PACS would.
    await context.route(
      (url) => !isLoopback(url),
      (route) => route.abort('addressunreachable'),
    );
    await use(context);
  },
  network: async ({ context }, use) => {
    const log = new NetworkLog();
    context.on('request', (request) => log.record(request));
    await use(log);
  },
});

export { expect };
