/**
 * ImagingStudy → everything the viewer needs: the checked Study Instance UID, the endpoints chosen
 * per series, URLs ready to fetch, and an error list at each level for what could not be resolved.
 * Pure: the same study and pool always give the same result, and nothing here throws on bad input.
 */
import { buildIidStudyUrl } from '../dicomweb/iid-urls';
import { IMAGING_CONNECTION_TYPES } from './connection-type';
import type { ImagingStudy } from './fhir-types';
import { field, readRecords, readText } from './json-read';
import { resolveEndpointReferences } from './resolve-endpoints';
import { resolveSeries } from './resolve-series';
import type { ResolvedStudy } from './resolved-study';
import type { ResourcePool } from './resource-pool';
import { readStudyInstanceUid } from './study-instance-uid';

export const NO_WADO_RS_FOR_STUDY = 'No usable WADO-RS endpoint for this study.';

export function resolveImagingStudies(pool: ResourcePool): ResolvedStudy[] {
  return pool.imagingStudies().map((study) => resolveImagingStudy(study, pool));
}

export function resolveImagingStudy(study: ImagingStudy, pool: ResourcePool): ResolvedStudy {
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
  const series = readRecords(field(study, 'series')).map((record, index) =>
    resolveSeries(record, index, { study, studyUid, studyEndpoints: own.chosen, pool }),
  );
  // With series listed, each series reports a missing endpoint itself; without, the app must query
  // the study over QIDO-RS, which needs the study's own WADO-RS base.
  const missingBase = series.length === 0 && wadoRs === null ? NO_WADO_RS_FOR_STUDY : null;
  return {
    id: readText(field(study, 'id')),
    studyInstanceUid: studyUid,
    wadoRs,
    iid: studyUid !== null && iidEndpoint ? buildIidStudyUrl(iidEndpoint.address, studyUid) : null,
    errors: [uid.error, ...own.errors, missingBase].filter((error): error is string => error !== null),
    series,
  };
}
