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

export async function getSmartConfiguration(iss: string, signal?: AbortSignal): Promise<SmartConfiguration> {
  const url = `${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`;
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: signal ?? null });
  if (!response.ok) {
    throw new Error(`The FHIR server's SMART configuration could not be read (HTTP ${response.status}).`);
  }
  const parsed = smartConfigurationSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error("The FHIR server's SMART configuration is not valid.");
  return parsed.data;
}
