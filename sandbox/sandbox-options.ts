import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export interface SandboxOptions {
  readonly appPort: number;
  readonly fhirPort: number;
  readonly ehrPort: number;
  readonly pacsAPort: number;
  readonly pacsBPort: number;
  readonly orthancAPort: number;
  readonly orthancBPort: number;
  /** Working folder for Orthanc storage and logs; its pacs-a/ and pacs-b/ are wiped at start. */
  readonly sandboxDir: string;
  /** Serve the built app from distDir; false when tests run the app with Vite instead (SANDBOX_APP=none). */
  readonly serveApp: boolean;
  readonly distDir: string;
  /** sandbox/data: sample DICOM and FHIR fixtures. */
  readonly dataDir: string;
  readonly loadSampleDicom: boolean;
  readonly loadFhirFixtures: boolean;
  /** SANDBOX_DATA: a folder of one's own FHIR JSON and DICOM files. */
  readonly ownDataDir?: string;
  readonly tokenTtlSeconds: number;
  readonly clientId: string;
  /** Redirect URIs accepted besides `{app}/callback` (SANDBOX_REDIRECT_URIS, comma-separated). */
  readonly extraRedirectUris: readonly string[];
  readonly log: (line: string) => void;
}

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const DEFAULT_OPTIONS: SandboxOptions = {
  appPort: 4300,
  fhirPort: 4301,
  ehrPort: 4302,
  pacsAPort: 4303,
  pacsBPort: 4304,
  orthancAPort: 4313,
  orthancBPort: 4314,
  sandboxDir: join(PROJECT_ROOT, '.sandbox'),
  serveApp: true,
  distDir: join(PROJECT_ROOT, 'dist'),
  dataDir: join(PROJECT_ROOT, 'sandbox', 'data'),
  loadSampleDicom: true,
  loadFhirFixtures: true,
  tokenTtlSeconds: 3600,
  clientId: 'imaging-viewer',
  extraRedirectUris: [],
  log: (line) => console.error(line),
};

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65535)
    throw new Error(`${name}="${raw}" is not a port`);
  return value;
}

/** The sandbox's environment variables (see the README in this folder). */
export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions {
  const d = DEFAULT_OPTIONS;
  const ttl = Number(env.TOKEN_TTL_SECONDS ?? d.tokenTtlSeconds);
  if (!Number.isInteger(ttl) || ttl <= 0)
    throw new Error(`TOKEN_TTL_SECONDS="${env.TOKEN_TTL_SECONDS}" is invalid`);
  return {
    ...d,
    appPort: port(env, 'APP_PORT', d.appPort),
    fhirPort: port(env, 'FHIR_PORT', d.fhirPort),
    ehrPort: port(env, 'EHR_PORT', d.ehrPort),
    pacsAPort: port(env, 'PACS_A_PORT', d.pacsAPort),
    pacsBPort: port(env, 'PACS_B_PORT', d.pacsBPort),
    orthancAPort: port(env, 'ORTHANC_A_PORT', d.orthancAPort),
    orthancBPort: port(env, 'ORTHANC_B_PORT', d.orthancBPort),
    sandboxDir: env.SANDBOX_DIR ? resolve(env.SANDBOX_DIR) : d.sandboxDir,
    serveApp: env.SANDBOX_APP !== 'none',
    ...(env.SANDBOX_DATA ? { ownDataDir: resolve(env.SANDBOX_DATA) } : {}),
    tokenTtlSeconds: ttl,
    extraRedirectUris: (env.SANDBOX_REDIRECT_URIS ?? '')
      .split(',')
      .map((uri) => uri.trim())
      .filter((uri) => uri.length > 0),
  };
}
