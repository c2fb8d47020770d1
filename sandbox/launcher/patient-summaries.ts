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
  const name: unknown = Array.isArray(names) ? names[0] : undefined;
  if (typeof name !== 'object' || name === null) return '(no name)';
  const { text, prefix, given, family } = name as Record<string, unknown>;
  if (typeof text === 'string' && text) return text;
  const words = (value: unknown) =>
    (Array.isArray(value) ? value : [value]).filter((word) => typeof word === 'string');
  return [...words(prefix), ...words(given), ...words(family)].join(' ').trim() || '(no name)';
}

/** Long enough to recognise a study; the hostile patient's 100 KB description would bury the page. */
const MAX_LABEL = 120;

/**
 * Read defensively: the sandbox loads other people's JSON (SANDBOX_DATA, hostile test records), and one
 * malformed study (`series` as an object, a series without `modality`) must cost its label, not the
 * launcher page for every patient.
 */
function studyLabel(study: ImagingStudy): string {
  const series: unknown[] = Array.isArray(study.series) ? study.series : [];
  const codes = series.map((item) => {
    const code = (item as { modality?: { code?: unknown } } | null)?.modality?.code;
    return typeof code === 'string' ? code : null;
  });
  const modalities = [...new Set(codes.filter((code) => code !== null))].join('/');
  const description = typeof study.description === 'string' ? study.description : null;
  const label = description ?? (modalities ? `${modalities} study` : `ImagingStudy ${study.id ?? ''}`);
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
          ...(typeof study.started === 'string' ? { started: study.started } : {}),
        })),
    }))
    .sort((a, b) => b.studies.length - a.studies.length || a.id.localeCompare(b.id));
}
