/**
 * One place that holds every resource the app has seen (search results, reads, whole Bundles) so a
 * reference can be followed wherever its target came from: MADO manifests point at Endpoints by
 * "urn:" fullUrl, HL7 examples by "Endpoint/id", others by absolute URL or "#contained".
 */
import type { ImagingStudy, Resource } from './fhir-types';
import { field, isRecord, readRecords, readText } from './json-read';

export interface ResourcePool {
  /** Every ImagingStudy, in the order met (inputs in order, Bundle entries in order, depth first). */
  imagingStudies(): ImagingStudy[];
  /** Every pooled resource except Bundles themselves, in the order met. */
  resources(): Resource[];
  /**
   * Follows a literal reference. `container` is the resource holding the reference, needed for
   * "#id" (contained) references. Returns null when nothing in the pool matches.
   */
  resolveReference(reference: string, container?: Resource): Resource | null;
}

const HISTORY_SUFFIX = /\/_history\/[^/]+$/;
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** FHIR's relative reference grammar: Type/id, id being 1–64 of [A-Za-z0-9-.]. */
const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;
const ABSOLUTE_TAIL = /\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

export function createResourcePool(inputs: readonly unknown[]): ResourcePool {
  const ordered: Resource[] = [];
  const byTypeAndId = new Map<string, Resource>();
  const byFullUrl = new Map<string, Resource>();
  const seen = new Set<unknown>();

  const visit = (value: unknown, fullUrl: string | null): void => {
    if (!isResource(value) || seen.has(value)) return;
    seen.add(value);
    if (value.resourceType === 'Bundle') {
      for (const entry of readRecords(field(value, 'entry'))) visit(entry.resource, readText(entry.fullUrl));
      return;
    }
    ordered.push(value);
    // First one wins: two MADO manifests may carry the same Endpoint, and order is the caller's.
    const id = readText(value.id);
    if (id !== null) setOnce(byTypeAndId, `${value.resourceType}/${id}`, value);
    if (fullUrl !== null) setOnce(byFullUrl, fullUrl, value);
  };
  for (const input of inputs) visit(input, null);

  const resolveByTypeAndId = (reference: string, grammar: RegExp): Resource | null => {
    const match = grammar.exec(reference);
    return match ? (byTypeAndId.get(`${match[1]}/${match[2]}`) ?? null) : null;
  };

  return {
    imagingStudies: () => ordered.filter(isImagingStudy),
    resources: () => [...ordered],
    resolveReference(reference, container) {
      if (reference.startsWith('#')) return findContained(container, reference.slice(1));
      const current = reference.replace(HISTORY_SUFFIX, '');
      if (!HAS_SCHEME.test(reference)) return resolveByTypeAndId(current, RELATIVE);
      const exact = byFullUrl.get(reference) ?? byFullUrl.get(current);
      if (exact) return exact;
      // An absolute RESTful URL whose server we have no fullUrl for: fall back to its Type/id tail.
      return /^https?:\/\//i.test(current) ? resolveByTypeAndId(current, ABSOLUTE_TAIL) : null;
    },
  };
}

export function isResource(value: unknown): value is Resource {
  return isRecord(value) && typeof value.resourceType === 'string' && value.resourceType.length > 0;
}

export function isImagingStudy(value: unknown): value is ImagingStudy {
  return isResource(value) && value.resourceType === 'ImagingStudy';
}

function findContained(container: unknown, id: string): Resource | null {
  if (id.length === 0) return null;
  const match = readRecords(field(container, 'contained')).find((candidate) => candidate.id === id);
  return isResource(match) ? match : null;
}

function setOnce<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}
