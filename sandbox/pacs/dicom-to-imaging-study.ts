import type {
  Coding,
  Endpoint,
  ImagingStudy,
  ImagingStudySeries,
  Patient,
  Reference,
} from '@medplum/fhirtypes';
import type { DicomInstanceSummary } from './dicom-summary.ts';

const DICOM_MODALITY_SYSTEM = 'http://dicom.nema.org/resources/ontology/DCM';
const ACCESSION_TYPE: Coding = { system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN' };

export interface DeriveImagingStudyOptions {
  readonly id: string;
  readonly subject: Reference<Patient>;
  /** The study-level Endpoint: where every series lives unless `seriesEndpoints` says otherwise. */
  readonly endpoint: Reference<Endpoint>;
  /** Series stored elsewhere (key: SeriesInstanceUID): FHIR lets `series.endpoint` override the study's. */
  readonly seriesEndpoints?: ReadonlyMap<string, Reference<Endpoint>>;
  readonly description?: string;
}

export function dicomUidIdentifierValue(uid: string): string {
  return `urn:oid:${uid}`;
}

/**
 * DA + TM (+ offset) → FHIR dateTime. FHIR requires a zone whenever a time is given; DICOM rarely
 * records one, so a missing TimezoneOffsetFromUTC is taken as UTC.
 */
export function dicomDateTimeToFhir(date?: string, time?: string, offset?: string): string | undefined {
  const day = /^(\d{4})(\d{2})(\d{2})$/.exec(date ?? '');
  if (!day) return undefined;
  const isoDate = `${day[1]}-${day[2]}-${day[3]}`;
  const clock = /^(\d{2})(\d{2})?(\d{2})?(?:\.(\d{1,6}))?$/.exec(time ?? '');
  if (!clock) return isoDate;
  const fraction = clock[4] ? `.${clock[4].padEnd(3, '0').slice(0, 3)}` : '';
  const zone = /^([+-])(\d{2})(\d{2})$/.exec(offset ?? '');
  const isoZone = zone ? `${zone[1]}${zone[2]}:${zone[3]}` : 'Z';
  return `${isoDate}T${clock[1]}:${clock[2] ?? '00'}:${clock[3] ?? '00'}${fraction}${isoZone}`;
}

function byNumberThenUid<T>(number: (item: T) => number | undefined, uid: (item: T) => string) {
  return (a: T, b: T): number =>
    (number(a) ?? Number.MAX_SAFE_INTEGER) - (number(b) ?? Number.MAX_SAFE_INTEGER) ||
    uid(a).localeCompare(uid(b));
}

function deriveSeries(
  instances: readonly DicomInstanceSummary[],
  endpoint: Reference<Endpoint> | undefined,
): ImagingStudySeries {
  const sorted = [...instances].sort(
    byNumberThenUid(
      (i) => i.instanceNumber,
      (i) => i.sopInstanceUid,
    ),
  );
  const first = sorted[0];
  if (!first) throw new Error('a series needs at least one instance');
  return {
    uid: first.seriesInstanceUid,
    ...(first.seriesNumber !== undefined ? { number: first.seriesNumber } : {}),
    modality: { system: DICOM_MODALITY_SYSTEM, code: first.modality ?? 'OT' },
    ...(first.seriesDescription ? { description: first.seriesDescription } : {}),
    numberOfInstances: sorted.length,
    ...(endpoint ? { endpoint: [endpoint] } : {}),
    instance: sorted.map((instance) => ({
      uid: instance.sopInstanceUid,
      sopClass: { system: 'urn:ietf:rfc:3986', code: dicomUidIdentifierValue(instance.sopClassUid) },
      ...(instance.instanceNumber !== undefined ? { number: instance.instanceNumber } : {}),
    })),
  };
}

/** Builds the ImagingStudy that describes a set of DICOM instances of one study, from the DICOM itself. */
export function deriveImagingStudy(
  instances: readonly DicomInstanceSummary[],
  options: DeriveImagingStudyOptions,
): ImagingStudy & { id: string } {
  const first = instances[0];
  if (!first) throw new Error(`ImagingStudy/${options.id}: no DICOM instances`);
  const studyUid = first.studyInstanceUid;
  const stray = instances.find((i) => i.studyInstanceUid !== studyUid);
  if (stray)
    throw new Error(
      `ImagingStudy/${options.id}: instances of two studies (${studyUid}, ${stray.studyInstanceUid})`,
    );

  const bySeries = new Map<string, DicomInstanceSummary[]>();
  for (const instance of instances) {
    bySeries.set(instance.seriesInstanceUid, [...(bySeries.get(instance.seriesInstanceUid) ?? []), instance]);
  }
  const series = [...bySeries.entries()]
    .map(([uid, members]) => deriveSeries(members, options.seriesEndpoints?.get(uid)))
    .sort(
      byNumberThenUid(
        (s) => s.number,
        (s) => s.uid,
      ),
    );
  const modalities = [...new Set(series.map((s) => s.modality.code ?? 'OT'))].map((code) => ({
    system: DICOM_MODALITY_SYSTEM,
    code,
  }));
  const started = dicomDateTimeToFhir(first.studyDate, first.studyTime, first.timezoneOffset);
  const description = options.description ?? first.studyDescription;
  return {
    resourceType: 'ImagingStudy',
    id: options.id,
    identifier: [
      { system: 'urn:dicom:uid', value: dicomUidIdentifierValue(studyUid) },
      ...(first.accessionNumber
        ? [{ type: { coding: [ACCESSION_TYPE] }, value: first.accessionNumber }]
        : []),
    ],
    status: 'available',
    modality: modalities,
    subject: options.subject,
    ...(started ? { started } : {}),
    endpoint: [options.endpoint],
    numberOfSeries: series.length,
    numberOfInstances: instances.length,
    ...(description ? { description } : {}),
    series,
  };
}
