/**
 * Which reports belong to which of the patient's studies, and which must not be shown: a report
 * entered in error is dropped quietly (it should never have existed); a report that names another
 * patient, or none, is dropped and reported as an error (the server sent what it should not have).
 * A report links to a study by reference (R4 `imagingStudy`, R5 `study`), else by accession number.
 */
import type { ImagingReport } from './imaging-report';
import type { Study } from './study';

export interface LinkedReports {
  /** By Study.key, newest first. */
  byStudy: ReadonlyMap<string, readonly ImagingReport[]>;
  /** Sentences for the screen about reports that were not shown and why. */
  errors: string[];
}

export function linkReports(
  reports: readonly ImagingReport[],
  studies: readonly Study[],
  patientId: string,
): LinkedReports {
  const byStudy = new Map<string, ImagingReport[]>();
  const errors: string[] = [];
  const studyKeyById = new Map(
    studies.flatMap((study) => (study.id ? [[study.id, study.key] as const] : [])),
  );
  for (const report of reports) {
    if (report.status === 'entered-in-error') continue;
    if (report.subjectPatientId !== patientId) {
      errors.push(
        `Report ${report.id ?? report.key} is not shown: it ${
          report.subjectPatientId === null ? 'names no patient' : 'is about another patient'
        }.`,
      );
      continue;
    }
    const byReference = report.studyIds.flatMap((id) => studyKeyById.get(id) ?? []);
    const keys =
      byReference.length > 0
        ? byReference
        : studies
            .filter((study) => study.accession !== null && report.accessions.includes(study.accession))
            .map((study) => study.key);
    for (const key of new Set(keys)) byStudy.set(key, [...(byStudy.get(key) ?? []), report]);
  }
  for (const [key, linked] of byStudy) byStudy.set(key, [...linked].sort(newestFirst));
  return { byStudy, errors };
}

function newestFirst(a: ImagingReport, b: ImagingReport): number {
  const when = (report: ImagingReport) => Date.parse(report.issued ?? report.effective ?? '') || 0;
  return when(b) - when(a);
}
