/**
 * Where the access token may go (SMART App Launch + SMART Imaging Access): to the FHIR server, and to
 * DICOMweb services that declare they share its authorization. Every other request goes without it,
 * so a PACS we merely read from never learns the EHR's credentials.
 *
 * Who may declare that: the authorization server (`associated_endpoints` with smart-imaging-access)
 * and the deployment (`imagingTokenOrigins`). FHIR data may not. An Endpoint resource carrying
 * `requires-access-token` is honoured only on an origin one of them already trusts (or the FHIR
 * server's own); anywhere else the request is *withheld*: it gets no token, and the screen says the
 * image server needs an authorization the viewer cannot give, instead of a silent refusal.
 */
export interface TokenPolicy {
  /** URL prefixes (scheme, host, port and path) that may receive the token. */
  readonly bases: readonly string[];
  /** Whole origins allowed by deployment config. */
  readonly origins: readonly string[];
  /**
   * URL prefixes whose Endpoint asked for the token on an origin nobody trusted with it: requests
   * under them go without it and fail with a clear reason (see `tokenDecisionFor`).
   */
  readonly withheld?: readonly string[];
}

export interface AssociatedEndpoint {
  url: string;
  capabilities?: readonly string[];
}

export interface TokenPolicyInput {
  fhirBaseUrl: string;
  /** `associated_endpoints` from the server's `.well-known/smart-configuration`. */
  associatedEndpoints?: readonly AssociatedEndpoint[];
  /** Endpoint addresses whose resource says it requires the access token (FHIR data: untrusted). */
  tokenRequiringAddresses?: readonly string[];
  /** Origins from the deployment's runtime config. */
  configuredOrigins?: readonly string[];
}

export const SMART_IMAGING_ACCESS = 'smart-imaging-access';

/** What a request gets: the token, nothing (an open server), or nothing and a reason to say so. */
export type TokenDecision = 'send' | 'none' | 'withheld';

export function buildTokenPolicy(input: TokenPolicyInput): TokenPolicy {
  const imagingBases = (input.associatedEndpoints ?? [])
    .filter((endpoint) => endpoint.capabilities?.includes(SMART_IMAGING_ACCESS) ?? false)
    .map((endpoint) => endpoint.url);
  const trustedBases = [input.fhirBaseUrl, ...imagingBases].map(normalizeBase).filter(isString);
  const origins = (input.configuredOrigins ?? []).map(originOf).filter(isString);
  // The origins someone with the authority to say so has vouched for: the EHR's own FHIR server,
  // its authorization server's associated endpoints, and the deployment's configuration.
  const trustedOrigins = new Set([...trustedBases.map(originOf).filter(isString), ...origins]);
  const declared = (input.tokenRequiringAddresses ?? []).map(normalizeBase).filter(isString);
  const honoured = declared.filter((base) => trustedOrigins.has(originOf(base) ?? ''));
  const withheld = declared.filter((base) => !trustedOrigins.has(originOf(base) ?? ''));
  return {
    bases: [...new Set([...trustedBases, ...honoured])],
    origins: [...new Set(origins)],
    withheld: [...new Set(withheld)],
  };
}

export function tokenDecisionFor(requestUrl: string, policy: TokenPolicy): TokenDecision {
  const target = parseHttpUrl(requestUrl);
  if (!target) return 'none';
  if (policy.origins.includes(target.origin)) return 'send';
  const path = target.origin + target.pathname;
  if (policy.bases.some((base) => isUnder(path, base))) return 'send';
  return (policy.withheld ?? []).some((base) => isUnder(path, base)) ? 'withheld' : 'none';
}

export function mayReceiveAccessToken(requestUrl: string, policy: TokenPolicy): boolean {
  return tokenDecisionFor(requestUrl, policy) === 'send';
}

/** A prefix only counts on a path-segment boundary: `/fhir` must not cover `/fhir-evil`. */
function isUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

function normalizeBase(url: string): string | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  return (parsed.origin + parsed.pathname).replace(/\/+$/, '');
}

function originOf(url: string): string | null {
  return parseHttpUrl(url)?.origin ?? null;
}

function isString(value: string | null): value is string {
  return value !== null;
}

function parseHttpUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}
