/**
 * The one reader of DICOM modality codes in FHIR, for the study and its series alike. R4 gives a
 * Coding (series) or a list of Codings (study); R5 a CodeableConcept or a list of them; servers mix
 * them. Each concept contributes its first coded value.
 */
import { field, isRecord, readList, readRecords, readText } from './json-read';

/** The codes of one element that may hold one or several Codings or CodeableConcepts. */
export function modalityCodesOf(value: unknown): string[] {
  return unique(readList(value).map(codeOfConcept));
}

/** The code of a single Coding or CodeableConcept; null when it carries none. */
export function modalityCodeOf(value: unknown): string | null {
  return (
    readList(value)
      .map(codeOfConcept)
      .find((code) => code !== null) ?? null
  );
}

function codeOfConcept(concept: unknown): string | null {
  if (!isRecord(concept)) return null;
  return (
    readText(concept.code) ??
    readRecords(field(concept, 'coding'))
      .map((coding) => readText(coding.code))
      .find((code) => code !== null) ??
    null
  );
}

export function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
