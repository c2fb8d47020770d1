import { field, readRecords, readText } from '../fhir/json-read';
import type { Study } from '../fhir/study';

/** SMART Imaging Access: an Endpoint that wants the EHR's access token says so with this extension. */
export const REQUIRES_ACCESS_TOKEN_EXTENSION =
  'http://hl7.org/fhir/smart-app-launch/StructureDefinition/requires-access-token';

export function endpointRequiresAccessToken(endpoint: unknown): boolean {
  return readRecords(field(endpoint, 'extension')).some(
    (extension) =>
      readText(field(extension, 'url')) === REQUIRES_ACCESS_TOKEN_EXTENSION &&
      field(extension, 'valueBoolean') === true,
  );
}

/**
 * The imaging endpoint addresses in these studies that declare they require the access token. Only
 * https addresses (or this machine's loopback, for sandboxes) qualify: the token never travels in clear
 * text to another host because a resource asked for it.
 */
export function tokenRequiringAddressesOf(studies: readonly Study[]): string[] {
  const addresses = new Set<string>();
  for (const study of studies) {
    const endpoints = [study.wadoRs, ...study.series.flatMap((series) => [series.wadoRs, series.wadoUri])];
    for (const resolved of endpoints) {
      if (
        resolved &&
        endpointRequiresAccessToken(resolved.endpoint) &&
        isSecureOrLoopback(resolved.address)
      ) {
        addresses.add(resolved.address);
      }
    }
  }
  return [...addresses];
}

function isSecureOrLoopback(address: string): boolean {
  const url = new URL(address);
  return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
