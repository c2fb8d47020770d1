import { createContext, useContext } from 'react';
import type { AppConfig } from '@/config/app-config';
import type { LaunchContext } from '@/domain/smart/launch-context';
import type { AuthorizationProvider } from './imaging-http';
import type { SessionExpiry } from './session-expiry';
import type { SmartClient } from './smart-client';
import type { TokenPolicyStore } from './token-policy-store';

/** What every screen needs to know about the launch it runs in. */
export interface SmartSession {
  client: SmartClient;
  config: AppConfig;
  /** The FHIR base URL (the launch's `iss`). */
  fhirBaseUrl: string;
  context: LaunchContext & { patientId: string };
  /** Where the token may go; `trust` adds Endpoints that declare they require it. */
  tokenPolicy: TokenPolicyStore;
  /** GET a FHIR path or URL on this server, refreshing the token once on a 401. */
  fhirGet: (pathOrUrl: string, signal?: AbortSignal) => Promise<unknown>;
  /** `Bearer …` for URLs that may receive the token, null for every other URL. */
  authorizationFor: AuthorizationProvider;
  /** Whether the EHR has ended the session: the one signal, fed by `fhirGet` and `authorizationFor`. */
  expiry: SessionExpiry;
}

export const SmartSessionContext = createContext<SmartSession | null>(null);

export function useSmartSession(): SmartSession {
  const session = useContext(SmartSessionContext);
  if (!session) throw new Error('useSmartSession must be used inside a launched session.');
  return session;
}

const NO_TOKEN: AuthorizationProvider = () => Promise.resolve(null);

/**
 * Who may receive the token for an image request: the session's policy inside a launch; outside one
 * (files opened from disk on the start page) nobody, since there is no token.
 */
export function useImagingAuthorization(): AuthorizationProvider {
  return useContext(SmartSessionContext)?.authorizationFor ?? NO_TOKEN;
}
