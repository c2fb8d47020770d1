/**
 * The `inspect` output contract (docs/inspect.md): plain strings and nulls, no resources, so the JSON
 * is stable for integrators to diff and script against. Mapping only; all decisions are made in
 * src/domain.
 */
import type { StudyEndpoint, StudySeries, Study } from '../domain/fhir/study';

export interface InspectReport {
  studies: InspectStudy[];
}

export interface InspectStudy {
  id: string | null;
  studyInstanceUid: string | null;
  modalities: string[];
  availability: string | null;
  wadoRs: string | null;
  iid: string | null;
  errors: string[];
  series: InspectSeries[];
}

export interface InspectSeries {
  uid: string | null;
  modality: string | null;
  availability: string | null;
  wadoRs: string | null;
  wadoRsFrom: StudyEndpoint['from'] | null;
  wadoUri: string | null;
  wadoUriFrom: StudyEndpoint['from'] | null;
  metadataUrl: string | null;
  errors: string[];
  instances: InspectInstance[];
}

export interface InspectInstance {
  uid: string | null;
  wadoRsUrl: string | null;
  wadoUriUrl: string | null;
  errors: string[];
}

export function toInspectReport(studies: readonly Study[]): InspectReport {
  return {
    studies: studies.map((study) => ({
      id: study.id,
      studyInstanceUid: study.studyInstanceUid,
      modalities: [...study.modalities],
      availability: study.availability,
      wadoRs: study.wadoRs?.address ?? null,
      iid: study.iid,
      errors: [...study.errors],
      series: study.series.map(toInspectSeries),
    })),
  };
}

function toInspectSeries(series: StudySeries): InspectSeries {
  return {
    uid: series.uid,
    modality: series.modality,
    availability: series.availability,
    wadoRs: series.wadoRs?.address ?? null,
    wadoRsFrom: series.wadoRs?.from ?? null,
    wadoUri: series.wadoUri?.address ?? null,
    wadoUriFrom: series.wadoUri?.from ?? null,
    metadataUrl: series.metadataUrl,
    errors: [...series.errors],
    instances: series.instances.map((instance) => ({
      uid: instance.uid,
      wadoRsUrl: instance.wadoRsUrl,
      wadoUriUrl: instance.wadoUriUrl,
      errors: [...instance.errors],
    })),
  };
}
