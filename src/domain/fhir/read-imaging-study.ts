/**
 * ImagingStudy → Study, in one pass: what the list row shows, the checked Study Instance UID, the
 * endpoints chosen per series, URLs ready to fetch, an error list at each level, and why the study
 * cannot be opened. Pure: the same resource and pool always give the same result, and nothing here
 * throws on bad input (one malformed element costs one field, not the study).
 */
import { buildIidStudyUrl } from '../dicomweb/iid-urls';
import { readAvailability } from './availability';
import { IMAGING_CONNECTION_TYPES } from './connection-type';
import type { ImagingStudy } from './fhir-types';
import { isFhirDateTime } from './fhir-date-time';
import { field, readRecords, readText, type JsonRecord } from './json-read';
import { modalityCodesOf, unique } from './modality';
import { MAX_PLAUSIBLE_INSTANCES, MAX_PLAUSIBLE_SERIES, readCount } from './read-count';
import { resolveEndpointReferences } from './resolve-endpoints';
import { resolveSeries } from './resolve-series';
import { createResourcePool, type ResourcePool } from './resource-pool';
import { unavailableReasonOf, type Study, type StudySeries } from './study';
import { readStudyInstanceUid } from './study-instance-uid';

export const NO_WADO_RS_FOR_STUDY = 'No usable WADO-RS endpoint for this study.';

/** The studies of search result pages (Bundles with `_include`d Endpoints), in server order. */
export function readStudyList(pages: readonly unknown[]): Study[] {
  return readImagingStudies(createResourcePool(pages));
}

export function readImagingStudies(pool: ResourcePool): Study[] {
  return pool.imagingStudies().map((study, index) => readImagingStudy(study, pool, index));
}

/** `index` is the study's position in its search, which keys a study that has no id. */
export function readImagingStudy(study: ImagingStudy, pool: ResourcePool, index = 0): Study {
  const uid = readStudyInstanceUid(study);
  const studyUid = uid.uid;
  const own = resolveEndpointReferences(
    field(study, 'endpoint'),
    study,
    pool,
    'study',
    IMAGING_CONNECTION_TYPES,
  );
  const wadoRs = own.chosen['dicom-wado-rs'] ?? null;
  const iidEndpoint = own.chosen['ihe-iid'];
  const records = readRecords(field(study, 'series'));
  const availability = readAvailability(field(study, 'availability'));
  const series = records.map((record, seriesIndex) =>
    resolveSeries(record, seriesIndex, {
      study,
      studyUid,
      studyEndpoints: own.chosen,
      studyAvailability: availability,
      pool,
    }),
  );
  // With series listed, each series reports a missing endpoint itself; without, the app must query
  // the study over QIDO-RS, which needs the study's own WADO-RS base.
  const missingBase = series.length === 0 && wadoRs === null ? NO_WADO_RS_FOR_STUDY : null;
  const id = readText(field(study, 'id'));
  const procedure = procedureOf(study);
  const started = readText(field(study, 'started'));
  const startedIsDate = started !== null && isFhirDateTime(started);
  const duplicates = duplicateSeriesErrors(series);
  const read: Omit<Study, 'unavailableReason'> = {
    key: id ?? `#${index}`,
    id,
    studyInstanceUid: studyUid,
    started: startedIsDate ? started : null,
    startedInvalid: startedIsDate ? null : started,
    modalities: modalitiesOf(study, series),
    description: readText(field(study, 'description')) ?? procedure,
    procedure,
    accession: accessionOf(study),
    numberOfSeries: readCount(field(study, 'numberOfSeries'), MAX_PLAUSIBLE_SERIES) ?? records.length,
    numberOfInstances:
      readCount(field(study, 'numberOfInstances'), MAX_PLAUSIBLE_INSTANCES) ?? countInstances(records),
    status: readText(field(study, 'status')),
    availability,
    referrer: readText(field(field(study, 'referrer'), 'display')),
    bodySites: unique(records.map((record) => displayOfConcept(record.bodySite))),
    encounterId: encounterIdOf(study),
    wadoRs,
    iid: studyUid !== null && iidEndpoint ? buildIidStudyUrl(iidEndpoint.address, studyUid) : null,
    errors: [uid.error, ...own.errors, missingBase, ...duplicates.study].filter(
      (error): error is string => error !== null,
    ),
    series: series.map((item, seriesIndex) => {
      const duplicate = duplicates.series.get(seriesIndex);
      return duplicate ? { ...item, errors: [...item.errors, duplicate] } : item;
    }),
  };
  return { ...read, unavailableReason: unavailableReasonOf(read) };
}

/**
 * The study's own modalities (R4/R5 `modality`, STU3 `modalityList`), else the series' modalities
 * (many servers fill only those).
 */
export function modalitiesOf(study: unknown, series: readonly StudySeries[]): string[] {
  const own = modalityCodesOf(field(study, 'modality') ?? field(study, 'modalityList'));
  return own.length > 0 ? own : unique(series.map((item) => item.modality));
}

/** `Encounter/{id}` (relative, absolute or versioned) → id; R4/R5 `encounter`, STU3 `context`. */
function encounterIdOf(study: unknown): string | null {
  const reference =
    readText(field(field(study, 'encounter'), 'reference')) ??
    readText(field(field(study, 'context'), 'reference'));
  const match = reference
    ? /(?:^|\/)Encounter\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference)
    : null;
  return match?.[1] ?? null;
}

/** STU3/R4 `procedureCode` (CodeableConcept), else R5 `procedure` (CodeableReference: its concept). */
function procedureOf(study: unknown): string | null {
  const concepts = [
    ...readRecords(field(study, 'procedureCode')),
    ...readRecords(field(study, 'procedure')).map((reference) => field(reference, 'concept')),
  ];
  for (const concept of concepts) {
    const text = readText(field(concept, 'text'));
    if (text) return text;
    for (const coding of readRecords(field(concept, 'coding'))) {
      const display = readText(field(coding, 'display'));
      if (display) return display;
    }
  }
  return null;
}

/**
 * The identifier typed ACSN (HL7 v2 table 0203), as R4's ImagingStudy notes recommend; else STU3's
 * own `accession` Identifier.
 */
function accessionOf(study: unknown): string | null {
  for (const identifier of readRecords(field(study, 'identifier'))) {
    const codings = readRecords(field(field(identifier, 'type'), 'coding'));
    if (codings.some((coding) => readText(field(coding, 'code')) === 'ACSN')) {
      return readText(field(identifier, 'value'));
    }
  }
  return readText(field(field(study, 'accession'), 'value'));
}

function countInstances(series: readonly JsonRecord[]): number {
  return series.reduce<number>((total, s) => {
    const declared = readCount(s.numberOfInstances, MAX_PLAUSIBLE_INSTANCES);
    return total + (declared ?? readRecords(s.instance).length);
  }, 0);
}

/**
 * A body site's words: an R4/STU3 Coding, an R5 CodeableReference (its concept), or a CodeableConcept;
 * the display, else the text, else the code.
 */
function displayOfConcept(value: unknown): string | null {
  const concept = field(value, 'concept') ?? value;
  const codings = [concept, ...readRecords(field(concept, 'coding'))];
  return (
    codings.map((coding) => readText(field(coding, 'display'))).find((text) => text !== null) ??
    readText(field(concept, 'text')) ??
    codings.map((coding) => readText(field(coding, 'code'))).find((text) => text !== null) ??
    null
  );
}

/**
 * Two series claiming one Series Instance UID: the PACS can hold only one of them, so what the second
 * lists is not what the images are. Both stay listed (merging would hide the conflict); each later one
 * carries an error naming the first, and the study says so once per UID.
 */
function duplicateSeriesErrors(series: readonly StudySeries[]): {
  study: string[];
  series: Map<number, string>;
} {
  const firstByUid = new Map<string, number>();
  const study: string[] = [];
  const perSeries = new Map<number, string>();
  series.forEach((item, index) => {
    if (item.uid === null) return;
    const first = firstByUid.get(item.uid);
    if (first === undefined) {
      firstByUid.set(item.uid, index);
      return;
    }
    const label = (at: number) => {
      const number = series[at]?.number ?? null;
      return number === null ? `the series at position ${at + 1}` : `series ${number}`;
    };
    perSeries.set(index, `Duplicate Series Instance UID ${item.uid}: also used by ${label(first)}.`);
    const message = `Two or more series share the Series Instance UID ${item.uid}: their images cannot be told apart.`;
    if (!study.includes(message)) study.push(message);
  });
  return { study, series: perSeries };
}
