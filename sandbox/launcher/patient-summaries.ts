import type { FhirRepository } from '@medplum/fhir-router';
import type { HumanName, ImagingStudy, Patient } from '@medplum/fhirtypes';

export interface StudySummary {
  readonly id: string;
  readonly description: string;
  readonly started?: string;
}

export interface PatientSummary {
  readonly id: string;
  readonly name: string;
  readonly studies: readonly StudySummary[];
}

export function displayName(names: readonly HumanName[] | undefined): string {
  const name = names?.[0];
  if (!name) return '(no name)';
  if (name.text) return name.text;
  return [...(name.prefix ?? []), ...(name.given ?? []), name.family ?? ''].join(' ').trim() || '(no name)';
}

/** Long enough to recognise a study; the hostile patient's 100 KB description would bury the page. */
const MAX_LABEL = 120;

function studyLabel(study: ImagingStudy): string {
  const modalities = [...new Set(study.series?.map((s) => s.modality.code) ?? [])].join('/');
  const label = study.description ?? (modalities ? `${modalities} study` : `ImagingStudy ${study.id ?? ''}`);
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL)}…` : label;
}

/** Everything the launcher and the patient picker show: each Patient with its ImagingStudies. */
export async function listPatientSummaries(repo: FhirRepository): Promise<PatientSummary[]> {
  const patients = await repo.searchResources<Patient>({ resourceType: 'Patient', count: 1000 });
  // Beyond medplum's default page: the generated patient alone has 1,000 studies.
  const studies = await repo.searchResources<ImagingStudy>({ resourceType: 'ImagingStudy', count: 100_000 });
  return patients
    .map((patient) => ({
      id: patient.id,
      name: displayName(patient.name),
      studies: studies
        .filter((study) => study.subject?.reference === `Patient/${patient.id}`)
        .map((study) => ({
          id: study.id,
          description: studyLabel(study),
          ...(study.started ? { started: study.started } : {}),
        })),
    }))
    .sort((a, b) => b.studies.length - a.studies.length || a.id.localeCompare(b.id));
}
