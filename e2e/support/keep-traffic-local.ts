import type { BrowserContext, Page } from '@playwright/test';

export function isLoopback(url: URL): boolean {
  return (
    ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ||
    url.protocol === 'data:' ||
    url.protocol === 'blob:'
  );
}

/**
 * The sample data names PACS on the internet (pacs.hospital.org…). Tests and benchmarks never leave
 * this machine: such requests fail here exactly as an unreachable PACS would.
 */
export async function keepTrafficLocal(target: BrowserContext | Page): Promise<void> {
  await target.route(
    (url) => !isLoopback(url),
    (route) => route.abort('addressunreachable'),
  );
}
