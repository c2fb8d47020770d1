import { fetchSmartConfigurationJson } from '@/lib/smart-client';
import { z } from '@/lib/zod';

/** The parts of `.well-known/smart-configuration` the viewer uses. */
const smartConfigurationSchema = z.object({
  authorization_endpoint: z.string().optional(),
  token_endpoint: z.string().optional(),
  capabilities: z.array(z.string()).optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  associated_endpoints: z
    .array(z.object({ url: z.string(), capabilities: z.array(z.string()).optional() }))
    .optional(),
});

export type SmartConfiguration = z.infer<typeof smartConfigurationSchema>;

/**
 * Read once per launch: the launch page asks (fhirclient's authorize reuses that response), and the
 * answer rides across the redirect in the tab's sessionStorage, where the callback and later reloads
 * of the session find it. It is the server's public metadata, never a token.
 */
const CARRIED_KEY = 'imaging-viewer:smart-configuration';

export async function getSmartConfiguration(iss: string, signal?: AbortSignal): Promise<SmartConfiguration> {
  let json: unknown;
  try {
    json = await fetchSmartConfigurationJson(iss, signal);
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number')
      throw new Error(`The FHIR server's SMART configuration could not be read (HTTP ${status}).`);
    throw error;
  }
  const parsed = smartConfigurationSchema.safeParse(json);
  if (!parsed.success) throw new Error("The FHIR server's SMART configuration is not valid.");
  carrySmartConfiguration(iss, parsed.data);
  return parsed.data;
}

/** The configuration this tab read for `iss` (on its launch page, or earlier in the session), if any. */
export function carriedSmartConfiguration(iss: string): SmartConfiguration | null {
  try {
    const carried = z
      .object({ iss: z.string(), configuration: smartConfigurationSchema })
      .safeParse(JSON.parse(sessionStorage.getItem(CARRIED_KEY) ?? 'null'));
    return carried.success && carried.data.iss === withoutTrailingSlash(iss)
      ? carried.data.configuration
      : null;
  } catch {
    return null;
  }
}

function carrySmartConfiguration(iss: string, configuration: SmartConfiguration): void {
  try {
    sessionStorage.setItem(CARRIED_KEY, JSON.stringify({ iss: withoutTrailingSlash(iss), configuration }));
  } catch {
    // Storage full or refused: the callback asks the server again.
  }
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
