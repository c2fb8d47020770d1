import { field, readInteger, readRecords, readText } from './json-read';

/** What the study list shows of one ImagingStudy, read defensively from untrusted JSON. */
export interface StudySummary {
  id: string | null;
  /** `started` as given (FHIR dateTime), for display and sorting. */
  started: string | null;
  modalities: string[];
  description: string | null;
  /** The first `procedureCode`'s text or display (what was ordered), shown when there is no description. */
  procedure: string | null;
  accession: string | null;
  numberOfSeries: number;
  numberOfInstances: number;
  status: string | null;
  referrer: string | null;
  bodySites: string[];
  /** The id of the Encounter the study belongs to, to point out the one the EHR launched from. */
  encounterId: string | null;
}

export function summarizeImagingStudy(study: unknown): StudySummary {
  const series = readRecords(field(study, 'series'));
  return {
    id: readText(field(study, 'id')),
    started: readText(field(study, 'started')),
    modalities: modalitiesOf(study, series),
    description: readText(field(study, 'description')) ?? procedureOf(study),
    procedure: procedureOf(study),
    accession: accessionOf(study),
    numberOfSeries: readInteger(field(study, 'numberOfSeries')) ?? series.length,
    numberOfInstances: readInteger(field(study, 'numberOfInstances')) ?? countInstances(series),
    status: readText(field(study, 'status')),
    referrer: readText(field(field(study, 'referrer'), 'display')),
    bodySites: unique(series.map((s) => displayOfCoding(field(s, 'bodySite')))),
    encounterId: encounterIdOf(study),
  };
}

/** `Encounter/{id}` (relative, absolute or versioned) → id. */
function encounterIdOf(study: unknown): string | null {
  const reference = readText(field(field(study, 'encounter'), 'reference'));
  const match = reference
    ? /(?:^|\/)Encounter\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference)
    : null;
  return match?.[1] ?? null;
}

/** The study's own `modality` list, else the series' modalities (many servers fill only those). */
function modalitiesOf(study: unknown, series: readonly unknown[]): string[] {
  const own = readRecords(field(study, 'modality')).map((coding) => readText(field(coding, 'code')));
  const fromSeries = series.map((s) => readText(field(field(s, 'modality'), 'code')));
  const studyLevel = unique(own);
  return studyLevel.length > 0 ? studyLevel : unique(fromSeries);
}

function procedureOf(study: unknown): string | null {
  for (const concept of readRecords(field(study, 'procedureCode'))) {
    const text = readText(field(concept, 'text'));
    if (text) return text;
    for (const coding of readRecords(field(concept, 'coding'))) {
      const display = readText(field(coding, 'display'));
      if (display) return display;
    }
  }
  return null;
}

/** The identifier typed ACSN (HL7 v2 table 0203), as FHIR's ImagingStudy notes recommend. */
function accessionOf(study: unknown): string | null {
  for (const identifier of readRecords(field(study, 'identifier'))) {
    const codings = readRecords(field(field(identifier, 'type'), 'coding'));
    if (codings.some((coding) => readText(field(coding, 'code')) === 'ACSN')) {
      return readText(field(identifier, 'value'));
    }
  }
  return null;
}

function countInstances(series: readonly unknown[]): number {
  return series.reduce<number>((total, s) => {
    const declared = readInteger(field(s, 'numberOfInstances'));
    return total + (declared ?? readRecords(field(s, 'instance')).length);
  }, 0);
}

function displayOfCoding(coding: unknown): string | null {
  return readText(field(coding, 'display')) ?? readText(field(coding, 'code'));
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
