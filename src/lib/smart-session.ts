import { createContext, useContext } from 'react';
import type { AppConfig } from '@/config/app-config';
import type { LaunchContext } from '@/domain/smart/launch-context';
import type { TokenPolicy } from '@/domain/smart/token-destination';
import type { SmartClient } from './smart-client';

/** What every screen needs to know about the launch it runs in. */
export interface SmartSession {
  client: SmartClient;
  config: AppConfig;
  /** The FHIR base URL (the launch's `iss`). */
  fhirBaseUrl: string;
  context: LaunchContext & { patientId: string };
  tokenPolicy: TokenPolicy;
  /** `Bearer …` for URLs that may receive the token, null for every other URL. */
  authorizationFor: (url: string) => Promise<string | null>;
}

export const SmartSessionContext = createContext<SmartSession | null>(null);

export function useSmartSession(): SmartSession {
  const session = useContext(SmartSessionContext);
  if (!session) throw new Error('useSmartSession must be used inside a launched session.');
  return session;
}
