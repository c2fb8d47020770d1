/**
 * Where the access token may go (SMART App Launch + SMART Imaging Access): to the FHIR server, and to
 * DICOMweb services that declare they share its authorization. Every other request goes without it,
 * so a PACS we merely read from never learns the EHR's credentials.
 */
export interface TokenPolicy {
  /** URL prefixes (scheme, host, port and path) that may receive the token. */
  readonly bases: readonly string[];
  /** Whole origins allowed by deployment config. */
  readonly origins: readonly string[];
}

export interface AssociatedEndpoint {
  url: string;
  capabilities?: readonly string[];
}

export interface TokenPolicyInput {
  fhirBaseUrl: string;
  /** `associated_endpoints` from the server's `.well-known/smart-configuration`. */
  associatedEndpoints?: readonly AssociatedEndpoint[];
  /** Endpoint addresses whose resource says it requires the access token. */
  tokenRequiringAddresses?: readonly string[];
  /** Origins from the deployment's runtime config. */
  configuredOrigins?: readonly string[];
}

export const SMART_IMAGING_ACCESS = 'smart-imaging-access';

export function buildTokenPolicy(input: TokenPolicyInput): TokenPolicy {
  const imagingBases = (input.associatedEndpoints ?? [])
    .filter((endpoint) => endpoint.capabilities?.includes(SMART_IMAGING_ACCESS) ?? false)
    .map((endpoint) => endpoint.url);
  const bases = [input.fhirBaseUrl, ...imagingBases, ...(input.tokenRequiringAddresses ?? [])]
    .map(normalizeBase)
    .filter((base): base is string => base !== null);
  const origins = (input.configuredOrigins ?? [])
    .map(originOf)
    .filter((origin): origin is string => origin !== null);
  return { bases: [...new Set(bases)], origins: [...new Set(origins)] };
}

export function mayReceiveAccessToken(requestUrl: string, policy: TokenPolicy): boolean {
  const target = parseHttpUrl(requestUrl);
  if (!target) return false;
  if (policy.origins.includes(target.origin)) return true;
  const path = target.origin + target.pathname;
  // A prefix only counts on a path-segment boundary: `/fhir` must not cover `/fhir-evil`.
  return policy.bases.some((base) => path === base || path.startsWith(`${base}/`));
}

function normalizeBase(url: string): string | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  return (parsed.origin + parsed.pathname).replace(/\/+$/, '');
}

function originOf(url: string): string | null {
  return parseHttpUrl(url)?.origin ?? null;
}

function parseHttpUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}
