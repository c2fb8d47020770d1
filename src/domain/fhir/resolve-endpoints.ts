/**
 * Follows a list of Endpoint references (ImagingStudy.endpoint or series.endpoint) and keeps, per
 * connection type, the first usable one. Each failed reference is reported and skipped, so one
 * broken link does not hide the good endpoints listed after it.
 */
import { connectionTypeOf, foreignImagingCodingOf, type ImagingConnectionType } from './connection-type';
import { checkEndpointUsability } from './endpoint-usability';
import type { Endpoint, Resource } from './fhir-types';
import { field, readRecords, readText } from './json-read';
import type { StudyEndpoint } from './study';
import type { ResourcePool } from './resource-pool';

export interface EndpointSelection {
  chosen: Partial<Record<ImagingConnectionType, StudyEndpoint>>;
  errors: string[];
}

export function resolveEndpointReferences(
  references: unknown,
  container: Resource,
  pool: ResourcePool,
  from: StudyEndpoint['from'],
  wanted: readonly ImagingConnectionType[],
): EndpointSelection {
  const chosen: EndpointSelection['chosen'] = {};
  const errors: string[] = [];
  for (const reference of readRecords(references)) {
    const target = followReference(reference, container, pool);
    if (!target.ok) {
      errors.push(target.error);
      continue;
    }
    const { endpoint, name } = target;
    const type = connectionTypeOf(endpoint);
    if (type === null) {
      const problem = explainUnknownType(endpoint, name);
      if (problem !== null) errors.push(problem);
      continue;
    }
    if (!wanted.includes(type)) continue;
    const usability = checkEndpointUsability(endpoint, name);
    if (!usability.ok) errors.push(usability.error);
    else chosen[type] ??= { address: usability.address, connectionType: type, from, endpoint };
  }
  return { chosen, errors: [...new Set(errors)] };
}

type FollowedReference = { ok: true; endpoint: Endpoint; name: string } | { ok: false; error: string };

function followReference(reference: unknown, container: Resource, pool: ResourcePool): FollowedReference {
  const literal = readText(field(reference, 'reference'));
  if (literal === null) {
    const display = readText(field(reference, 'display'));
    const label = display === null ? '' : ` "${display}"`;
    return {
      ok: false,
      error: `Endpoint reference${label} has no "reference" value and could not be resolved.`,
    };
  }
  const target = pool.resolveReference(literal, container);
  if (target === null) return { ok: false, error: `Endpoint reference "${literal}" could not be resolved.` };
  if (target.resourceType !== 'Endpoint') {
    return {
      ok: false,
      error: `Endpoint reference "${literal}" points to a ${target.resourceType}, not an Endpoint.`,
    };
  }
  return { ok: true, endpoint: target as Endpoint, name: readText(target.id) ?? literal };
}

/** Silent for other services (QIDO, FHIR REST…), which the study may legitimately list. */
function explainUnknownType(endpoint: Endpoint, name: string): string | null {
  const foreign = foreignImagingCodingOf(endpoint);
  if (foreign !== null) {
    return `Endpoint "${name}" has connection type "${foreign.code}" in system "${foreign.system}", not the HL7 endpoint-connection-type system.`;
  }
  if (field(endpoint, 'connectionType') === undefined) return `Endpoint "${name}" has no connection type.`;
  return null;
}
