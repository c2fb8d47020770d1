import { z } from '@/lib/zod';

/**
 * Runtime configuration, read from `/app-config.json` at start-up so that one build serves any
 * deployment: a new EHR or PACS needs an edited JSON file, never a rebuild.
 */
const issuerSchema = z.object({
  /** The FHIR base URL the EHR sends as `iss`. */
  iss: z.url(),
  /** A human name for the standalone-launch start page. */
  name: z.string().min(1),
  /** Client id registered with this issuer's authorization server (defaults to the top-level one). */
  clientId: z.string().min(1).optional(),
  /** Scopes to request instead of the computed default. */
  scope: z.string().min(1).optional(),
  /**
   * The FHIR base for a standalone launch ("Sign in again", the start page), when the EHR takes those
   * on another base than its EHR launches' `iss` (smart-launcher-v2 only on its `/sim/…` base).
   * Defaults to `iss`.
   */
  standaloneIss: z.url().optional(),
});

export const appConfigSchema = z.object({
  clientId: z.string().min(1),
  redirectPath: z.string().startsWith('/').default('/callback'),
  scope: z.string().min(1).optional(),
  /** The issuer allowlist: a launch from any other `iss` is refused. */
  issuers: z.array(issuerSchema).min(1),
  /** Extra DICOMweb origins that share the FHIR server's authorization (deployment decision). */
  imagingTokenOrigins: z.array(z.url()).default([]),
});

export type AppConfig = z.infer<typeof appConfigSchema>;
export type IssuerConfig = z.infer<typeof issuerSchema>;

export class AppConfigError extends Error {
  override readonly name = 'AppConfigError';
}

export function parseAppConfig(json: unknown): AppConfig {
  const result = appConfigSchema.safeParse(json);
  if (!result.success) {
    throw new AppConfigError(`app-config.json is invalid: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export async function loadAppConfig(url = '/app-config.json'): Promise<AppConfig> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    throw new AppConfigError(`Could not load ${url} (HTTP ${response.status}).`);
  }
  return parseAppConfig(await response.json());
}

export function findIssuer(config: AppConfig, iss: string): IssuerConfig | undefined {
  const wanted = withoutTrailingSlash(iss);
  return config.issuers.find((issuer) => withoutTrailingSlash(issuer.iss) === wanted);
}

/** Where this EHR takes a standalone launch. */
export function standaloneIssOf(issuer: IssuerConfig): string {
  return issuer.standaloneIss ?? issuer.iss;
}

/** The configured EHR a session's FHIR base belongs to, whether it came from an EHR or a standalone launch. */
export function issuerOfSession(config: AppConfig, fhirBaseUrl: string): IssuerConfig | undefined {
  const wanted = withoutTrailingSlash(fhirBaseUrl);
  return (
    findIssuer(config, fhirBaseUrl) ??
    config.issuers.find((issuer) => withoutTrailingSlash(standaloneIssOf(issuer)) === wanted)
  );
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
