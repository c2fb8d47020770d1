import { readFileSync } from 'node:fs';
import { test as base, expect, type Request } from '@playwright/test';
import type { SandboxInfo } from '../../sandbox/sandbox-info';
import { collectCspViolations, isPolicyRefusingOffMachineServer, type CspViolation } from './csp-violations';
import { keepTrafficLocal } from './keep-traffic-local';

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

/**
 * Runs after every test: the access token went only where it may (the FHIR server and pacs-a, the
 * imaging server that shares the EHR's authorization, and where a test's deployment forwards pacs-a
 * from: `tokenDestinations`), never into a URL, and never into localStorage.
 */
async function auditTokens(
  log: NetworkLog,
  sandbox: SandboxInfo,
  tokens: ReadonlySet<string>,
  storage: string[],
  forwarded: readonly string[],
) {
  const allowed = [sandbox.fhir, sandbox.pacs.a, ...forwarded];
  for (const request of log.requests) {
    if (request.authorization) {
      expect(
        allowed.some((prefix) => request.url.startsWith(`${prefix}/`) || request.url === prefix),
        `token sent to ${request.url}`,
      ).toBe(true);
      tokens = new Set([...tokens, request.authorization.replace(/^Bearer /, '')]);
    }
  }
  for (const token of tokens) {
    for (const request of log.requests)
      expect(request.url, 'a URL carries the access token').not.toContain(token);
    for (const dump of storage) expect(dump, 'localStorage holds the access token').not.toContain(token);
  }
}

/** The READY info of the sandbox the e2e setup started (global-setup.ts writes it to a file). */
export function readSandboxInfo(): SandboxInfo {
  const file = process.env.SANDBOX_INFO_FILE;
  if (!file) throw new Error('SANDBOX_INFO_FILE is not set: run the e2e tests through playwright.config.ts.');
  return JSON.parse(readFileSync(file, 'utf8')) as SandboxInfo;
}

export const test = base.extend<{
  sandbox: SandboxInfo;
  network: NetworkLog;
  tokenAudit: undefined;
  /** Where the test's deployment forwards pacs-a from (its proxied path): the token may go there too. */
  tokenDestinations: readonly string[];
  cspViolations: CspViolation[];
}>({
  tokenDestinations: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
  sandbox: async ({}, use) => {
    await use(readSandboxInfo());
  },
  context: async ({ context }, use) => {
    await keepTrafficLocal(context);
    await use(context);
  },
  // Every test runs the app under the deployment's Content-Security-Policy (the sandbox's static server
  // sends it): any violation, in any page, frame or worker, fails the test after it has run.
  cspViolations: [
    async ({ context }, use) => {
      const violations = await collectCspViolations(context);
      await use(violations);
      const unexpected = violations.filter((violation) => !isPolicyRefusingOffMachineServer(violation));
      expect(unexpected, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  network: async ({ context }, use) => {
    const log = new NetworkLog();
    context.on('request', (request) => log.record(request));
    await use(log);
  },
  tokenAudit: [
    async ({ context, network, sandbox, tokenDestinations }, use) => {
      const issued = new Set<string>();
      context.on('response', async (response) => {
        if (!response.url().startsWith(`${sandbox.ehr}/token`) || !response.ok()) return;
        const body = (await response.json().catch(() => ({}))) as {
          access_token?: string;
          refresh_token?: string;
        };
        for (const token of [body.access_token, body.refresh_token]) if (token) issued.add(token);
      });
      await use(undefined);
      const storage = await Promise.all(
        context
          .pages()
          .filter((page) => !page.isClosed() && page.url().startsWith(sandbox.app ?? '-'))
          .map((page) => page.evaluate(() => JSON.stringify({ ...localStorage })).catch(() => '')),
      );
      await auditTokens(network, sandbox, issued, storage, tokenDestinations);
    },
    { auto: true },
  ],
});

export { expect };
