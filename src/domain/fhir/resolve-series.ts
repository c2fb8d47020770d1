/**
 * One ImagingStudy.series: its checked UID, the endpoints chosen for it (series overrides study),
 * and the URLs of its instances.
 */
import { parseSeriesInstanceUid, parseSopInstanceUid, type StudyInstanceUid } from '../dicomweb/dicom-uid';
import { buildWadoRsInstanceUrl, buildWadoRsSeriesMetadataUrl } from '../dicomweb/wado-rs-urls';
import { buildWadoUriInstanceUrl } from '../dicomweb/wado-uri-urls';
import { seriesKeyOf, wadoUriSeriesKeyOf } from '../dicomweb/series-key';
import { availabilityBlock, readAvailability, type Availability } from './availability';
import type { ImagingStudy } from './fhir-types';
import { field, readInteger, readRecords, readText, type JsonRecord } from './json-read';
import { modalityCodeOf } from './modality';
import { labelOf, readUid } from './read-uid';
import { resolveEndpointReferences, type EndpointSelection } from './resolve-endpoints';
import type { StudyEndpoint, StudyInstance, StudySeries } from './study';
import type { ResourcePool } from './resource-pool';
import { stripOidPrefix } from './study-instance-uid';

export interface SeriesContext {
  study: ImagingStudy;
  studyUid: StudyInstanceUid | null;
  studyEndpoints: EndpointSelection['chosen'];
  /** The study's availability, which a series without its own inherits. */
  studyAvailability: Availability | null;
  pool: ResourcePool;
}

/** Neither WADO-RS nor WADO-URI: nothing the viewer could fetch this series' images from. */
export const NO_WADO_RS_FOR_SERIES = 'No usable WADO-RS or WADO-URI endpoint for this series.';

export function resolveSeries(series: JsonRecord, index: number, context: SeriesContext): StudySeries {
  const number = readInteger(series.number);
  const uid = readUid(series.uid, labelOf('Series', number, index), parseSeriesInstanceUid);
  // Contained Endpoints live on the ImagingStudy, so the study is the container for "#id" here too.
  const own = resolveEndpointReferences(series.endpoint, context.study, context.pool, 'series', [
    'dicom-wado-rs',
    'dicom-wado-uri',
  ]);
  const wadoRs = own.chosen['dicom-wado-rs'] ?? context.studyEndpoints['dicom-wado-rs'] ?? null;
  const wadoUri = own.chosen['dicom-wado-uri'] ?? context.studyEndpoints['dicom-wado-uri'] ?? null;
  const availability = readAvailability(series.availability) ?? context.studyAvailability;
  // Images the archive says cannot be had are not asked for: no URLs, no key, and the reason.
  const blocked = availabilityBlock(availability);
  const noServer = wadoRs === null && wadoUri === null ? NO_WADO_RS_FOR_SERIES : null;
  const errors = [uid.error, ...own.errors, noServer, blocked].filter(isText);

  const { studyUid } = context;
  const seriesUid = uid.uid;
  const instances = readRecords(series.instance).map((instance, instanceIndex) => {
    const resolved = readInstance(instance, instanceIndex);
    const instanceUid = resolved.uid;
    if (studyUid === null || seriesUid === null || instanceUid === null || blocked) return resolved;
    return {
      ...resolved,
      wadoRsUrl: urlFrom(wadoRs, (base) => buildWadoRsInstanceUrl(base, studyUid, seriesUid, instanceUid)),
      wadoUriUrl: urlFrom(wadoUri, (base) => buildWadoUriInstanceUrl(base, studyUid, seriesUid, instanceUid)),
    };
  });

  const identified = studyUid !== null && seriesUid !== null && blocked === null;
  const resolvable = identified && wadoRs !== null;
  // WADO-RS when there is one (metadata, frames); else WADO-URI, one whole instance at a time.
  let key = null;
  if (resolvable) key = seriesKeyOf(wadoRs.address, studyUid, seriesUid);
  else if (identified && wadoUri !== null) key = wadoUriSeriesKeyOf(wadoUri.address, studyUid, seriesUid);
  return {
    uid: seriesUid,
    rawUid: uid.raw,
    key,
    number,
    modality: modalityCodeOf(series.modality),
    description: readText(series.description),
    wadoRs,
    wadoUri,
    availability,
    metadataUrl: resolvable ? buildWadoRsSeriesMetadataUrl(wadoRs.address, studyUid, seriesUid) : null,
    errors,
    instances,
  };
}

function readInstance(instance: JsonRecord, index: number): StudyInstance {
  const number = readInteger(instance.number);
  const uid = readUid(instance.uid, labelOf('Instance', number, index), parseSopInstanceUid);
  return {
    uid: uid.uid,
    rawUid: uid.raw,
    number,
    sopClassUid: sopClassUidOf(instance.sopClass),
    wadoRsUrl: null,
    wadoUriUrl: null,
    errors: uid.error === null ? [] : [uid.error],
  };
}

function urlFrom(endpoint: StudyEndpoint | null, build: (base: StudyEndpoint['address']) => string) {
  return endpoint === null ? null : build(endpoint.address);
}

/** R4 `sopClass` is a Coding whose code is "urn:oid:…"; STU3 had a bare oid string. */
function sopClassUidOf(sopClass: unknown): string | null {
  const value = readText(sopClass) ?? readText(field(sopClass, 'code'));
  return value === null ? null : stripOidPrefix(value);
}

function isText(value: string | null): value is string {
  return value !== null;
}
