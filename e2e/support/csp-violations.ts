import type { BrowserContext } from '@playwright/test';
import { isLoopback } from './keep-traffic-local';

/** One Content-Security-Policy violation as the page (or its console) told it. */
export interface CspViolation {
  /** The page or worker it happened in. */
  where: string;
  /** The directive it broke (`connect-src`…), when the report says. */
  directive: string | null;
  /** What was blocked: a URL, or `inline`/`eval` from the event. */
  blocked: string | null;
  /** The event's summary or the console's sentence. */
  what: string;
}

const BINDING = '__reportCspViolation';

/**
 * Collects every CSP violation in a browser context: the `securitypolicyviolation` event of every
 * document (an init script, so the first one of a page load is caught too) and the console's
 * "Refused to …" / "… Content Security Policy …" lines, which also cover workers (where no init script
 * runs) and the frame-ancestors check (reported to the framing page's console, with no event).
 */
export async function collectCspViolations(context: BrowserContext): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await context.exposeBinding(BINDING, ({ frame }, directive: string, blocked: string, sample: string) => {
    const what = `${directive}: ${blocked}${sample ? ` (${sample})` : ''}`;
    violations.push({ where: frame.url(), directive, blocked, what });
  });
  await context.addInitScript((binding: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (...args: string[]) => void>)[binding];
      report?.(event.effectiveDirective, event.blockedURI || 'inline', event.sample);
    });
  }, BINDING);
  context.on('console', (message) => {
    const text = message.text();
    if (!/Content.Security.Policy/i.test(text)) return;
    const where = message.worker()?.url() ?? message.page()?.url() ?? 'unknown';
    violations.push({ where, ...parseConsoleReport(text), what: text });
  });
  return violations;
}

/** Chromium's sentences: "Connecting to 'URL' violates … directive: "connect-src …"", "Fetch API cannot load URL. Refused to connect …". */
export function parseConsoleReport(text: string): Pick<CspViolation, 'directive' | 'blocked'> {
  const directive =
    /directive: "([a-z-]+)/.exec(text)?.[1] ?? (/Refused to connect/.test(text) ? 'connect-src' : null);
  const blocked = /(?:Connecting to '|cannot load )(\S+?)'?(?:\.? |$)/.exec(text)?.[1] ?? null;
  return { directive, blocked };
}

/**
 * The one kind of violation a test expects: the FHIR sample data names image servers on the internet
 * (pacs.hospital.org…) that the deployment's policy, rightly, does not list, so the browser refuses to
 * connect — exactly where keepTrafficLocal would have cut the request anyway, and the app shows the
 * server as unreachable. Anything else (a script, style, worker, image or eval refused, or a connection
 * to one of this machine's servers) is the app needing something the policy forbids.
 */
export function isPolicyRefusingOffMachineServer(violation: CspViolation): boolean {
  if (violation.directive !== 'connect-src' || !violation.blocked) return false;
  try {
    return !isLoopback(new URL(violation.blocked));
  } catch {
    return false;
  }
}
