import { field, readRecords, readText } from '@/domain/fhir/json-read';
import { mayReceiveAccessToken } from '@/domain/smart/token-destination';
import type { SmartSession } from './smart-session';

/**
 * Every page of a FHIR search, following `next` links, yielded as they arrive. A `next` link that
 * leaves the FHIR server stops the search with an error: the token must not follow it. `maxPages`
 * is a safety stop for a server whose links loop.
 */
export async function* fhirSearchPages(
  session: Pick<SmartSession, 'fhirGet' | 'fhirBaseUrl'>,
  firstUrl: string,
  options: { maxPages: number; signal?: AbortSignal },
): AsyncGenerator<unknown> {
  let url: string | null = firstUrl;
  for (let pages = 0; url && pages < options.maxPages; pages += 1) {
    const page: unknown = await session.fhirGet(url, options.signal);
    yield page;
    url = nextPageOf(page, session.fhirBaseUrl);
  }
}

function nextPageOf(page: unknown, fhirBaseUrl: string): string | null {
  const next = readRecords(field(page, 'link')).find((link) => readText(field(link, 'relation')) === 'next');
  const url = readText(field(next, 'url'));
  if (!url) return null;
  if (!mayReceiveAccessToken(url, { bases: [fhirBaseUrl], origins: [] })) {
    throw new Error('The FHIR server returned a next-page link to another server; the search stops here.');
  }
  return url;
}
