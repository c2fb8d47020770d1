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

/**
 * A PACS the site's web server forwards from a path of the viewer's own origin (deploy/: nginx
 * `proxy_pass`): the viewer sends what it would send to `server` there instead, so the browser makes
 * same-origin requests (no CORS, no preflights) and the PACS need not answer CORS at all.
 */
const imagingProxySchema = z.object({
  /** The DICOMweb base URL as Endpoint resources name it (`https://pacs.example.org/dicom-web`). */
  server: z.url({ protocol: /^https?$/ }).refine((url) => !/[?#]/.test(url), 'no query or fragment'),
  /** The path of the viewer's origin that the web server forwards to `server` (`/pacs/dicom-web`). */
  path: z
    .string()
    .regex(/^\/[A-Za-z0-9._~\-/]*$/, 'an absolute path of letters, digits and . _ ~ - /')
    .refine(
      (path) => !path.startsWith('//') && !/(^|\/)\.\.?(\/|$)/.test(path),
      'no // start, no . or .. segment',
    ),
});

export const appConfigSchema = z.object({
  clientId: z.string().min(1),
  redirectPath: z.string().startsWith('/').default('/callback'),
  scope: z.string().min(1).optional(),
  /** The issuer allowlist: a launch from any other `iss` is refused. */
  issuers: z.array(issuerSchema).min(1),
  /** Extra DICOMweb origins that share the FHIR server's authorization (deployment decision). */
  imagingTokenOrigins: z.array(z.url()).default([]),
  /** PACSes reached through the viewer's own web server (imaging-routes.ts); none by default. */
  imagingProxies: z.array(imagingProxySchema).default([]),
});

export type AppConfig = z.infer<typeof appConfigSchema>;
export type IssuerConfig = z.infer<typeof issuerSchema>;
export type ImagingProxyConfig = z.infer<typeof imagingProxySchema>;

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
