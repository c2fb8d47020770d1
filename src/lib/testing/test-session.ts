/**
 * A real session around a fake EHR, for the tests of the features' `api/` functions: the real FHIR GET
 * (token refresh on 401 included), the real token policy and authorization provider, and a fake
 * fhirclient state. The network is whatever `fetch` the test stubs.
 */
import { QueryClient } from '@tanstack/react-query';
import type Client from 'fhirclient/lib/Client';
import type { AppConfig } from '@/config/app-config';
import { createFhirGet } from '../fhir-http';
import { createAuthorizationProvider } from '../imaging-http';
import { SessionExpiry } from '../session-expiry';
import type { SmartSession } from '../smart-session';
import { TokenPolicyStore } from '../token-policy-store';

export const TEST_FHIR_BASE = 'https://ehr.example.org/fhir';
export const TEST_TOKEN_URI = 'https://ehr.example.org/token';
export const TEST_PATIENT_ID = 'p1';

export function createTestSession({ imagingTokenOrigins = [] as string[] } = {}): SmartSession {
  const stored = new Map<string, unknown>();
  const client = {
    state: {
      key: 'state-key',
      clientId: 'imaging-viewer',
      tokenUri: TEST_TOKEN_URI,
      serverUrl: TEST_FHIR_BASE,
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
      tokenResponse: { access_token: 'token-1', refresh_token: 'refresh-1', patient: TEST_PATIENT_ID },
    },
    environment: {
      getStorage: () => ({ set: (key: string, value: unknown) => Promise.resolve(stored.set(key, value)) }),
    },
  } as unknown as Client;
  const config: AppConfig = {
    clientId: 'imaging-viewer',
    redirectPath: '/callback',
    issuers: [{ iss: TEST_FHIR_BASE, name: 'Test EHR' }],
    imagingTokenOrigins,
    imagingProxies: [],
  };
  const tokenPolicy = new TokenPolicyStore({
    fhirBaseUrl: TEST_FHIR_BASE,
    configuredOrigins: imagingTokenOrigins,
  });
  const expiry = new SessionExpiry();
  return {
    client,
    config,
    fhirBaseUrl: TEST_FHIR_BASE,
    context: { patientId: TEST_PATIENT_ID, encounterId: null, needPatientBanner: true, imagingStudyId: null },
    tokenPolicy,
    fhirGet: createFhirGet(client, TEST_FHIR_BASE, expiry),
    authorizationFor: createAuthorizationProvider(client, tokenPolicy, expiry),
    expiry,
  };
}

/** A fresh client per test, without retries (TanStack Query's testing guide). */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

export interface SeenRequest {
  url: string;
  method: string;
  authorization: string | null;
}

/**
 * Stubs `fetch` with a router: each request goes to the first route whose test matches its URL; what
 * every request carried is recorded. An unrouted request fails as a network error would.
 */
export function stubNetwork(
  routes: readonly [test: (url: string) => boolean, answer: (url: string) => Response | Promise<Response>][],
  stub: (name: 'fetch', value: unknown) => void,
): SeenRequest[] {
  const seen: SeenRequest[] = [];
  stub('fetch', (input: string, init: RequestInit = {}) => {
    const url = String(input);
    seen.push({
      url,
      method: init.method ?? 'GET',
      authorization: new Headers(init.headers).get('Authorization'),
    });
    const route = routes.find(([test]) => test(url));
    return route ? Promise.resolve(route[1](url)) : Promise.reject(new TypeError('Failed to fetch'));
  });
  return seen;
}
