import type { CapabilityStatement } from '@medplum/fhirtypes';
import { SCOPES_SUPPORTED } from './smart-scopes.ts';

export interface SmartServerUrls {
  readonly fhirBase: string;
  readonly ehrOrigin: string;
  /** DICOMweb bases that accept our access tokens (SMART imaging access). */
  readonly imagingEndpoints: readonly string[];
}

export const SMART_CAPABILITIES: readonly string[] = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'context-ehr-patient',
  'context-ehr-encounter',
  'context-standalone-patient',
  'context-banner',
  'permission-v1',
  'permission-v2',
  'permission-patient',
  'permission-user',
  'permission-offline',
  'permission-online',
  'sso-openid-connect',
];

/** `/.well-known/smart-configuration` (SMART App Launch 2.x §Conformance). */
export function smartConfiguration(urls: SmartServerUrls): Record<string, unknown> {
  return {
    issuer: urls.ehrOrigin,
    jwks_uri: `${urls.ehrOrigin}/.well-known/jwks.json`,
    authorization_endpoint: `${urls.ehrOrigin}/authorize`,
    token_endpoint: `${urls.ehrOrigin}/token`,
    grant_types_supported: ['authorization_code', 'refresh_token'],
    scopes_supported: SCOPES_SUPPORTED,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: SMART_CAPABILITIES,
    associated_endpoints: urls.imagingEndpoints.map((url) => ({
      url,
      capabilities: ['smart-imaging-access'],
    })),
  };
}

const IMAGING_STUDY_SEARCH_PARAMS = [
  { name: 'patient', type: 'reference' as const },
  { name: 'subject', type: 'reference' as const },
  { name: 'endpoint', type: 'reference' as const },
  { name: 'identifier', type: 'token' as const },
  { name: 'modality', type: 'token' as const },
  { name: 'status', type: 'token' as const },
  { name: 'started', type: 'date' as const },
];

const READ_SEARCH = [{ code: 'read' as const }, { code: 'search-type' as const }];

/** `/metadata`: enough for fhirclient's and other clients' SMART discovery fallback (oauth-uris). */
export function capabilityStatement(urls: SmartServerUrls): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    software: { name: 'SMART imaging sandbox (medplum in-memory FHIR)' },
    implementation: { description: 'Sandbox EHR FHIR R4 server', url: urls.fhirBase },
    rest: [
      {
        mode: 'server',
        security: {
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: `${urls.ehrOrigin}/authorize` },
                { url: 'token', valueUri: `${urls.ehrOrigin}/token` },
              ],
            },
          ],
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
        },
        resource: [
          {
            type: 'ImagingStudy',
            interaction: READ_SEARCH,
            searchInclude: ['ImagingStudy:endpoint'],
            searchParam: IMAGING_STUDY_SEARCH_PARAMS,
          },
          { type: 'Endpoint', interaction: READ_SEARCH },
          { type: 'Patient', interaction: READ_SEARCH },
          { type: 'Practitioner', interaction: READ_SEARCH },
          { type: 'DiagnosticReport', interaction: READ_SEARCH },
        ],
      },
    ],
  };
}
