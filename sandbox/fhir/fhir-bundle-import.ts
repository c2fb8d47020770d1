import { createHash } from 'node:crypto';
import type { Bundle, Resource } from '@medplum/fhirtypes';

export type StoredResource = Resource & { id: string };

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

function isResource(value: unknown): value is Resource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string'
  );
}

/** The id a bundle entry gets: its own, else the tail of its fullUrl, else a hash of the fullUrl. */
function idForEntry(resource: Resource, fullUrl: string | undefined, index: number): string {
  if (resource.id && FHIR_ID.test(resource.id)) return resource.id;
  const tail = fullUrl?.split(/[/:]/).pop() ?? '';
  if (FHIR_ID.test(tail)) return tail;
  return createHash('sha256')
    .update(fullUrl ?? `entry-${index}`)
    .digest('hex')
    .slice(0, 32);
}

function rewriteReferences<T>(value: T, targets: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) return value.map((item: unknown) => rewriteReferences(item, targets)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    copy[key] =
      key === 'reference' && typeof member === 'string' && targets.has(member)
        ? targets.get(member)
        : rewriteReferences(member, targets);
  }
  return copy as T;
}

/**
 * The resources a FHIR JSON document holds, ready to store under their own ids: a resource as is; a Bundle
 * (transaction, collection, document…) as its entries, with every reference to an entry's fullUrl
 * (`urn:uuid:…`, `urn:Patient/…`, absolute URLs) rewritten to the relative `Type/id` it now has.
 */
export function resourcesOf(json: unknown): StoredResource[] {
  if (!isResource(json)) throw new Error('not a FHIR resource');
  if (json.resourceType !== 'Bundle') {
    return [{ ...json, id: json.id && FHIR_ID.test(json.id) ? json.id : idForEntry(json, undefined, 0) }];
  }
  const bundle = json as Bundle;
  const entries = (bundle.entry ?? []).flatMap((entry, index) =>
    isResource(entry.resource)
      ? [
          {
            fullUrl: entry.fullUrl,
            resource: { ...entry.resource, id: idForEntry(entry.resource, entry.fullUrl, index) },
          },
        ]
      : [],
  );
  const targets = new Map<string, string>();
  for (const { fullUrl, resource } of entries) {
    if (fullUrl) targets.set(fullUrl, `${resource.resourceType}/${resource.id}`);
  }
  return entries.map(({ resource }) => rewriteReferences(resource, targets));
}
