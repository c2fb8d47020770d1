import { readFile } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import type { HumanName, Patient } from '@medplum/fhirtypes';
import { listFilesRecursively } from '../pacs/dicom-files.ts';
import type { StoredResource } from '../fhir/fhir-bundle-import.ts';
import { resourcesOf } from '../fhir/fhir-bundle-import.ts';
import type { FhirStore } from '../fhir/fhir-store.ts';
import type { Warn } from './study-loader.ts';

/** Resource types whose `subject` the launcher needs to exist as a Patient. */
const SUBJECT_TYPES = new Set(['ImagingStudy', 'DiagnosticReport']);

/** "UKCore-Patient-RichardSmith-Example" → given Richard, family Smith; otherwise the id as text. */
export function nameFromPatientId(id: string): HumanName {
  const words = /Patient-([A-Z][A-Za-z]+)/.exec(id)?.[1]?.match(/[A-Z][a-z]*/g);
  if (words && words.length >= 2) {
    return { use: 'official', given: words.slice(0, -1), family: words.at(-1) ?? '', text: words.join(' ') };
  }
  return { text: id };
}

function subjectPatientId(resource: StoredResource): string | undefined | null {
  if (!SUBJECT_TYPES.has(resource.resourceType)) return null;
  const reference = (resource as { subject?: { reference?: string } }).subject?.reference;
  if (!reference) return undefined;
  const match = /^Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(reference);
  return match?.[1] ?? null;
}

/**
 * Gives each study a Patient so that it can be launched: a missing subject Patient is created with a name
 * derived from its id, and a study with no subject at all gets one Patient named after its fixture file.
 */
export function withLaunchablePatients(
  resources: readonly StoredResource[],
  fileStem: string,
  storedPatients: ReadonlySet<string>,
): StoredResource[] {
  const extra: StoredResource[] = [];
  const known = new Set([
    ...storedPatients,
    ...resources.filter((r) => r.resourceType === 'Patient').map((r) => r.id),
  ]);
  const patched = resources.map((resource) => {
    const subject = subjectPatientId(resource);
    if (subject === null) return resource;
    const patientId = subject ?? `fixture-${fileStem}`.slice(0, 64);
    if (!known.has(patientId)) {
      known.add(patientId);
      const patient: Patient & { id: string } = {
        resourceType: 'Patient',
        id: patientId,
        name: [subject ? nameFromPatientId(patientId) : { text: `Fixture ${fileStem}` }],
        meta: { tag: [{ system: 'urn:sandbox', code: 'created-for-fixture', display: fileStem }] },
      };
      extra.push(patient);
    }
    if (
      subject ||
      (resource.resourceType !== 'ImagingStudy' && resource.resourceType !== 'DiagnosticReport')
    ) {
      return resource;
    }
    return { ...resource, subject: { reference: `Patient/${patientId}` } };
  });
  return [...patched, ...extra];
}

export interface FixtureLoadResult {
  readonly resources: readonly StoredResource[];
}

/**
 * Loads every `*.json` FHIR file under `dir` into the store. Missing subject Patients are only created when
 * no Patient of that id exists in the store already (e.g. loaded from another file).
 */
export async function loadFhirFolder(dir: string, store: FhirStore, warn: Warn): Promise<FixtureLoadResult> {
  const loaded: StoredResource[] = [];
  for (const path of await listFilesRecursively(dir)) {
    if (!path.endsWith('.json')) continue;
    const name = relative(dir, path);
    let resources: StoredResource[];
    try {
      resources = resourcesOf(JSON.parse(await readFile(path, 'utf8')) as unknown);
    } catch (error) {
      warn(`skipped ${name}: ${String(error)}`);
      continue;
    }
    const storedPatients = new Set(
      (await store.repo.searchResources<Patient>({ resourceType: 'Patient', count: 1000 })).map((p) => p.id),
    );
    const stem = basename(name, '.json').replace(/[^A-Za-z0-9\-.]/g, '-');
    const withPatients = withLaunchablePatients(resources, stem, storedPatients);
    for (const resource of withPatients) {
      try {
        await store.put(resource);
        loaded.push(resource);
      } catch (error) {
        warn(`${name}: ${resource.resourceType}/${resource.id} not stored: ${String(error)}`);
      }
    }
  }
  return { resources: loaded };
}
