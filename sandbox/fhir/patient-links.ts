import type { Resource } from '@medplum/fhirtypes';

/**
 * Which patient a resource belongs to, and which Endpoints each patient's ImagingStudies use: what the
 * FHIR server needs to keep a patient-scoped token to its patient. Endpoints are not in the patient
 * compartment (one PACS serves every patient), so one is readable with a patient's token when a study
 * of that patient refers to it, as its study or series endpoint.
 */
export class PatientLinks {
  private readonly endpoints = new Map<string, Set<string>>();
  /** `Type/id` → its patient, for a Binary whose `securityContext` names the resource it belongs to. */
  private readonly owners = new Map<string, string>();

  record(resource: Resource): void {
    const patient = patientOf(resource);
    if (patient && resource.id) this.owners.set(`${resource.resourceType}/${resource.id}`, patient);
    if (resource.resourceType !== 'ImagingStudy' || !patient) return;
    const set = this.endpoints.get(patient) ?? new Set<string>();
    for (const id of endpointIdsOf(resource)) set.add(id);
    this.endpoints.set(patient, set);
  }

  /** The patient of the resource a relative reference (`DiagnosticReport/r1`) names, if known. */
  ownerOf(reference: string): string | null {
    return this.owners.get(reference) ?? null;
  }

  /** Ids of the Endpoints the patient's studies refer to. */
  endpointsOf(patient: string): ReadonlySet<string> {
    return this.endpoints.get(patient) ?? new Set();
  }
}

/** The Patient id a resource is about: the Patient itself, or its `subject` / `patient` reference. */
export function patientOf(resource: Resource): string | null {
  if (resource.resourceType === 'Patient') return resource.id ?? null;
  const record = resource as unknown as Record<string, unknown>;
  for (const field of ['subject', 'patient']) {
    const id = idIn(referenceOf(record[field]), 'Patient');
    if (id) return id;
  }
  return null;
}

function endpointIdsOf(resource: Resource): string[] {
  const record = resource as unknown as { endpoint?: unknown; series?: unknown };
  const series = Array.isArray(record.series) ? (record.series as { endpoint?: unknown }[]) : [];
  return [record.endpoint, ...series.map((one) => one.endpoint)]
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .map((reference) => idIn(referenceOf(reference), 'Endpoint'))
    .filter((id): id is string => id !== null);
}

function referenceOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('reference' in value)) return null;
  return typeof value.reference === 'string' ? value.reference : null;
}

/** `Type/id`, relative or at the end of an absolute URL (no version, no contained `#id`). */
function idIn(reference: string | null, type: string): string | null {
  const match = reference ? new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})$`).exec(reference) : null;
  return match?.[1] ?? null;
}
