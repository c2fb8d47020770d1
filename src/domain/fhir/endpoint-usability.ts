/**
 * Whether an Endpoint may be used at all: its status allows traffic and its address is a checked
 * DICOMweb base URL. A refusal carries a sentence for the integrator.
 */
import { parseDicomWebBaseUrl, type DicomWebBaseUrl } from '../dicomweb/dicomweb-base-url';
import { field, readText } from './json-read';

export type EndpointUsability = { ok: true; address: DicomWebBaseUrl } | { ok: false; error: string };

/** FHIR's endpoint-status codes that forbid use, worded for a sentence "Endpoint "x" …". */
const UNUSABLE_STATUSES: Readonly<Record<string, string>> = {
  suspended: 'is suspended',
  error: 'is in error',
  off: 'is off',
  'entered-in-error': 'was entered in error',
};
const USABLE_STATUSES = new Set(['active', 'test']);

export function checkEndpointUsability(endpoint: unknown, name: string): EndpointUsability {
  const status = field(endpoint, 'status');
  if (status !== undefined && !(typeof status === 'string' && USABLE_STATUSES.has(status))) {
    const wording =
      typeof status === 'string' && Object.hasOwn(UNUSABLE_STATUSES, status)
        ? UNUSABLE_STATUSES[status]
        : `has unknown status ${JSON.stringify(status)}`;
    return { ok: false, error: `Endpoint "${name}" ${wording}.` };
  }
  const address = readText(field(endpoint, 'address'));
  if (address === null) return { ok: false, error: `Endpoint "${name}" has no address.` };
  const parsed = parseDicomWebBaseUrl(address);
  if (!parsed.ok) {
    return { ok: false, error: `Endpoint "${name}" address "${address}" is not usable: ${parsed.reason}.` };
  }
  return { ok: true, address: parsed.url };
}
