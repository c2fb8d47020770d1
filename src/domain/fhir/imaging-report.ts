/**
 * The one model of an imaging report, read once from a DiagnosticReport (R4; R5's `study` as well as
 * R4's `imagingStudy`): what the list's Report column and the viewer's report panel show, and what
 * links it to its studies. Pure and defensive like the study reader: bad input costs a field.
 */
import { field, readRecords, readText } from './json-read';
import type { ResourcePool } from './resource-pool';

export interface ReportAttachment {
  contentType: string | null;
  title: string | null;
  /** Base64 content given inline. */
  data: string | null;
  /** Where the content is otherwise: fetched only from the FHIR server (a Binary), never elsewhere. */
  url: string | null;
}

export interface ImagingReport {
  /** Stable key within one search: the resource id, else its position. */
  key: string;
  id: string | null;
  status: string | null;
  /** When the report was released (`issued`), else when it applies to (`effective[x]`). */
  issued: string | null;
  effective: string | null;
  performers: string[];
  conclusion: string | null;
  /** Coded conclusions in words (text, else a coding's display, else its code). */
  conclusionCodes: string[];
  presentedForms: ReportAttachment[];
  /** The ids of the ImagingStudies it references (R4 `imagingStudy`, R5 `study`). */
  studyIds: string[];
  /** Accession numbers: its own ACSN identifiers and those of the ServiceRequests it is `basedOn`. */
  accessions: string[];
  /** The id of the Patient it is about; null when its subject is not a Patient reference. */
  subjectPatientId: string | null;
}

const PATIENT_REFERENCE = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
const STUDY_REFERENCE = /(?:^|\/)ImagingStudy\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** Every DiagnosticReport in the pool, in the order met. */
export function readImagingReports(pool: ResourcePool): ImagingReport[] {
  return pool
    .resources()
    .filter((resource) => resource.resourceType === 'DiagnosticReport')
    .map((resource, index) => readImagingReport(resource, pool, index));
}

export function readImagingReport(report: unknown, pool: ResourcePool, index = 0): ImagingReport {
  const id = readText(field(report, 'id'));
  return {
    key: id ?? `#${index}`,
    id,
    status: readText(field(report, 'status')),
    issued: readText(field(report, 'issued')),
    effective:
      readText(field(report, 'effectiveDateTime')) ??
      readText(field(field(report, 'effectivePeriod'), 'start')),
    performers: readRecords(field(report, 'performer'))
      .map((performer) => readText(performer.display))
      .filter(isText),
    conclusion: readText(field(report, 'conclusion')),
    conclusionCodes: readRecords(field(report, 'conclusionCode')).map(conceptText).filter(isText),
    presentedForms: readRecords(field(report, 'presentedForm')).map((form) => ({
      contentType: readText(form.contentType),
      title: readText(form.title),
      data: readText(form.data),
      url: readText(form.url),
    })),
    studyIds: [...readRecords(field(report, 'imagingStudy')), ...readRecords(field(report, 'study'))]
      .map((reference) => STUDY_REFERENCE.exec(readText(reference.reference) ?? '')?.[1] ?? null)
      .filter(isText),
    accessions: unique([
      ...accessionsOf(report),
      ...readRecords(field(report, 'basedOn')).flatMap((reference) => {
        const target = readText(reference.reference);
        const request = target ? pool.resolveReference(target) : null;
        return request?.resourceType === 'ServiceRequest' ? accessionsOf(request) : [];
      }),
    ]),
    subjectPatientId:
      PATIENT_REFERENCE.exec(readText(field(field(report, 'subject'), 'reference')) ?? '')?.[1] ?? null,
  };
}

/** Identifiers typed ACSN (HL7 v2 table 0203), as for ImagingStudy. */
function accessionsOf(resource: unknown): string[] {
  return readRecords(field(resource, 'identifier'))
    .filter((identifier) =>
      readRecords(field(field(identifier, 'type'), 'coding')).some(
        (coding) => readText(coding.code) === 'ACSN',
      ),
    )
    .map((identifier) => readText(identifier.value))
    .filter(isText);
}

function conceptText(concept: unknown): string | null {
  return (
    readText(field(concept, 'text')) ??
    readRecords(field(concept, 'coding'))
      .map((coding) => readText(coding.display) ?? readText(coding.code))
      .find(isText) ??
    null
  );
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function isText(value: string | null): value is string {
  return value !== null;
}
