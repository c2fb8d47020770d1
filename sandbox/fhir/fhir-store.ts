import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';
import {
  FhirRouter,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  MemoryRepository,
  readJson,
  SEARCH_PARAMETER_BUNDLE_FILES,
} from './medplum.ts';
import { IdentifierIndex } from './identifier-index.ts';
import { PatientLinks } from './patient-links.ts';

let definitionsIndexed = false;

/** Medplum's search needs the R4 type and search-parameter definitions indexed once per process. */
function indexFhirDefinitions(): void {
  if (definitionsIndexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
    indexSearchParameterBundle(readJson(file) as Bundle<SearchParameter>);
  }
  definitionsIndexed = true;
}

export interface FhirStore {
  readonly repo: MemoryRepository;
  readonly router: FhirRouter;
  readonly identifiers: IdentifierIndex;
  /** Which Endpoints each patient's studies use (what a patient-scoped token may read). */
  readonly patientLinks: PatientLinks;
  /** Creates or replaces a resource with the id it carries (fixtures need their own ids). */
  put(resource: Resource & { id: string }): Promise<void>;
}

export function createFhirStore(): FhirStore {
  indexFhirDefinitions();
  const repo = new MemoryRepository();
  const identifiers = new IdentifierIndex();
  const patientLinks = new PatientLinks();
  return {
    repo,
    router: new FhirRouter(),
    identifiers,
    patientLinks,
    put: async (resource) => {
      identifiers.record(resource);
      patientLinks.record(resource);
      const exists = await repo.readResource(resource.resourceType, resource.id).then(
        () => true,
        () => false,
      );
      if (exists) await repo.updateResource(resource);
      else await repo.createResource(resource);
    },
  };
}
