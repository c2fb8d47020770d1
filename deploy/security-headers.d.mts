/** The origins a deployment's Content-Security-Policy names besides the app's own. */
export interface CspOrigins {
  /** FHIR servers, token endpoints, image servers (URLs or origins; reduced to origins). */
  readonly connectSrc: readonly string[];
  /** The EHRs that may show the app in a frame; empty: none may. */
  readonly frameAncestors: readonly string[];
}

/** The parts of a SMART configuration (`.well-known/smart-configuration`) the policy needs. */
export interface SmartConfigurationOrigins {
  readonly token_endpoint?: string;
  readonly associated_endpoints?: readonly { readonly url: string }[];
}

export function originOf(url: string): string;
export function contentSecurityPolicy(origins: CspOrigins): string;
export const PERMISSIONS_POLICY: string;
export function securityHeaders(origins: CspOrigins): Readonly<Record<string, string>>;
export const IMMUTABLE_CACHE: string;
export const REVALIDATE_CACHE: string;
export function cacheControlFor(pathname: string): string;
export function cspOriginsFromAppConfig(
  appConfig: unknown,
  extra?: {
    readonly smartConfigurations?: readonly SmartConfigurationOrigins[];
    readonly connectSrc?: readonly string[];
    readonly frameAncestors?: readonly string[];
  },
): CspOrigins;
