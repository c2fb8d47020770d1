/**
 * ImagingStudy replaces a DICOM query only in the simplest cases (R4 ImagingStudy scope notes): a
 * server may list no series, or series without instances. These functions say what is missing and
 * turn QIDO-RS answers (DICOM JSON, PS3.18 §10.6.3) into the same StudySeries the FHIR route gives,
 * so the viewer cannot tell where a series came from.
 */
import { parseSeriesInstanceUid, parseSopInstanceUid, type StudyInstanceUid } from '../dicomweb/dicom-uid';
import { buildWadoRsInstanceUrl, buildWadoRsSeriesMetadataUrl } from '../dicomweb/wado-rs-urls';
import { DicomTag, dicomNumber, dicomString, isDicomJsonInstance } from '../imaging/dicom-json';
import { seriesKeyOf } from '../dicomweb/series-key';
import { availabilityBlock, readAvailability, type Availability } from './availability';
import { modalitiesOf } from './read-imaging-study';
import { labelOf, readUid } from './read-uid';
import {
  unavailableReasonOf,
  type Study,
  type StudyEndpoint,
  type StudyInstance,
  type StudySeries,
} from './study';

export interface StudyCompletionPlan {
  /** The study's own WADO-RS base, where its QIDO-RS "Studies Service" lives. */
  base: StudyEndpoint;
  studyUid: StudyInstanceUid;
  /** Ask `/studies/{S}/series`: the ImagingStudy lists no series at all. */
  querySeries: boolean;
  /** Positions of listed series that name no instance and can be asked for them. */
  seriesWithoutInstances: number[];
  /** The study's availability, which queried series without their own inherit. */
  availability: Availability | null;
}

/** What must be asked of the PACS to complete this study; null when nothing is missing (or askable). */
export function planStudyCompletion(study: Study): StudyCompletionPlan | null {
  const { studyInstanceUid: studyUid } = study;
  if (studyUid === null) return null;
  const { availability } = study;
  if (study.series.length === 0) {
    // An archive that says the study cannot be had is not asked what it holds.
    return study.wadoRs && availabilityBlock(availability) === null
      ? { base: study.wadoRs, studyUid, querySeries: true, seriesWithoutInstances: [], availability }
      : null;
  }
  // A series with a key may be fetched (UID, image server, available); the others are not asked.
  const seriesWithoutInstances = study.series.flatMap((series, index) =>
    series.instances.length === 0 && series.key !== null ? [index] : [],
  );
  const base = study.wadoRs ?? study.series.find((series) => series.key !== null)?.wadoRs ?? null;
  if (seriesWithoutInstances.length === 0 || base === null) return null;
  return { base, studyUid, querySeries: false, seriesWithoutInstances, availability };
}

/**
 * QIDO-RS series of a study → StudySeries on the study's endpoint, ordered by number then UID, each
 * with its Instance Availability (0008,0056) when the PACS gives it, else the study's.
 * Their instances are left empty: `instancesFromQido` fills them, series by series.
 */
export function seriesFromQido(
  studyUid: StudyInstanceUid,
  base: StudyEndpoint,
  qidoSeries: unknown,
  studyAvailability: Availability | null = null,
): StudySeries[] {
  const records = (Array.isArray(qidoSeries) ? qidoSeries : []).filter(isDicomJsonInstance);
  const series = records.map((record, index): StudySeries => {
    const number = dicomNumber(record, DicomTag.SeriesNumber);
    const uid = readUid(
      dicomString(record, DicomTag.SeriesInstanceUid),
      labelOf('Series', number, index),
      parseSeriesInstanceUid,
    );
    const seriesUid = uid.uid;
    const endpoint: StudyEndpoint = { ...base, from: 'study' };
    const availability =
      readAvailability(dicomString(record, DicomTag.InstanceAvailability)) ?? studyAvailability;
    const blocked = availabilityBlock(availability);
    const fetchable = seriesUid !== null && blocked === null;
    return {
      uid: seriesUid,
      rawUid: uid.raw,
      key: fetchable ? seriesKeyOf(base.address, studyUid, seriesUid) : null,
      number,
      modality: dicomString(record, DicomTag.Modality),
      description: dicomString(record, DicomTag.SeriesDescription),
      wadoRs: endpoint,
      wadoUri: null,
      availability,
      metadataUrl: fetchable ? buildWadoRsSeriesMetadataUrl(base.address, studyUid, seriesUid) : null,
      errors: [uid.error, blocked].filter((error): error is string => error !== null),
      instances: [],
    };
  });
  return series.sort(
    (a, b) =>
      (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) ||
      (a.rawUid ?? '').localeCompare(b.rawUid ?? ''),
  );
}

/** QIDO-RS instances of one series → that series' instances, ordered by Instance Number. */
export function instancesFromQido(
  studyUid: StudyInstanceUid,
  series: StudySeries,
  qidoInstances: unknown,
): StudyInstance[] {
  const records = (Array.isArray(qidoInstances) ? qidoInstances : []).filter(isDicomJsonInstance);
  const seriesUid = series.uid;
  const base = series.wadoRs?.address ?? null;
  return records
    .map((record, index): StudyInstance => {
      const number = dicomNumber(record, DicomTag.InstanceNumber);
      const uid = readUid(
        dicomString(record, DicomTag.SopInstanceUid),
        labelOf('Instance', number, index),
        parseSopInstanceUid,
      );
      const instanceUid = uid.uid;
      return {
        uid: instanceUid,
        rawUid: uid.raw,
        number,
        sopClassUid: dicomString(record, DicomTag.SopClassUid),
        wadoRsUrl:
          base && seriesUid && instanceUid
            ? buildWadoRsInstanceUrl(base, studyUid, seriesUid, instanceUid)
            : null,
        wadoUriUrl: null,
        errors: uid.error ? [uid.error] : [],
      };
    })
    .sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER));
}

/**
 * The study with its series replaced by the completed ones: counts and modalities the resource left
 * out are taken from the PACS; what the resource did say is kept (it is the record of truth).
 */
export function withCompletedSeries(study: Study, series: StudySeries[]): Study {
  const counted = series.reduce((total, item) => total + item.instances.length, 0);
  const completed: Omit<Study, 'unavailableReason'> = {
    ...study,
    series,
    modalities: study.modalities.length > 0 ? study.modalities : modalitiesOf(null, series),
    numberOfSeries: Math.max(study.numberOfSeries, series.length),
    numberOfInstances: Math.max(study.numberOfInstances, counted),
  };
  return { ...completed, unavailableReason: unavailableReasonOf(completed) };
}
