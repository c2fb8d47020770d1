import type { Resource } from '@medplum/fhirtypes';

/**
 * An index of ImagingStudy identifiers (`system|value` → ids), as a real FHIR server keeps in its
 * database. Medplum's in-memory token search scans every resource (about 0.5 ms each: half a second for
 * a deep link's `identifier=urn:dicom:uid|…` once a patient has 1,000 studies); the index answers it
 * exactly, and the search is handed to medplum as `_id=…` so every other parameter still applies.
 */
export class IdentifierIndex {
  private readonly ids = new Map<string, Set<string>>();

  record(resource: Resource): void {
    if (resource.resourceType !== 'ImagingStudy' || !resource.id) return;
    // Some real-world examples send one Identifier object where FHIR wants an array: index it too.
    const list: unknown = resource.identifier;
    const identifiers = (Array.isArray(list) ? list : list ? [list] : []) as {
      system?: string;
      value?: string;
    }[];
    for (const identifier of identifiers) {
      if (identifier.system === undefined || identifier.value === undefined) continue;
      const key = `${identifier.system}|${identifier.value}`;
      const set = this.ids.get(key) ?? new Set<string>();
      set.add(resource.id);
      this.ids.set(key, set);
    }
  }

  /** Ids of the ImagingStudies carrying exactly this `system|value` token. */
  lookup(token: string): string[] {
    return [...(this.ids.get(token) ?? [])];
  }
}
