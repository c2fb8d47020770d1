/**
 * ImagingStudy replaces a DICOM query only in the simplest cases (R4 ImagingStudy scope notes): a
 * server may list no series, or series without instances. These functions say what is missing and
 * turn QIDO-RS answers (DICOM JSON, PS3.18 §10.6.3) into the same ResolvedSeries the FHIR route gives,
 * so the viewer cannot tell where a series came from.
 */
import { parseSeriesInstanceUid, parseSopInstanceUid, type StudyInstanceUid } from '../dicomweb/dicom-uid';
import { buildWadoRsInstanceUrl, buildWadoRsSeriesMetadataUrl } from '../dicomweb/wado-rs-urls';
import { DicomTag, dicomNumber, dicomString, isDicomJsonInstance } from '../imaging/dicom-json';
import { labelOf, readUid } from './read-uid';
import type { ResolvedEndpoint, ResolvedInstance, ResolvedSeries, ResolvedStudy } from './resolved-study';
import { unavailableReasonOf, type StudyListEntry } from './study-list';
import { presentStudyStatus } from './study-status';

export interface StudyCompletionPlan {
  /** The study's own WADO-RS base, where its QIDO-RS "Studies Service" lives. */
  base: ResolvedEndpoint;
  studyUid: StudyInstanceUid;
  /** Ask `/studies/{S}/series`: the ImagingStudy lists no series at all. */
  querySeries: boolean;
  /** Positions of listed series that name no instance and can be asked for them. */
  seriesWithoutInstances: number[];
}

/** What must be asked of the PACS to complete this study; null when nothing is missing (or askable). */
export function planStudyCompletion(study: ResolvedStudy): StudyCompletionPlan | null {
  const { studyInstanceUid: studyUid } = study;
  if (studyUid === null) return null;
  if (study.series.length === 0) {
    return study.wadoRs
      ? { base: study.wadoRs, studyUid, querySeries: true, seriesWithoutInstances: [] }
      : null;
  }
  const seriesWithoutInstances = study.series.flatMap((series, index) =>
    series.instances.length === 0 && series.uid !== null && series.wadoRs !== null ? [index] : [],
  );
  const base = study.wadoRs ?? study.series.find((series) => series.wadoRs)?.wadoRs ?? null;
  if (seriesWithoutInstances.length === 0 || base === null) return null;
  return { base, studyUid, querySeries: false, seriesWithoutInstances };
}

/**
 * QIDO-RS series of a study → ResolvedSeries on the study's endpoint, ordered by number then UID.
 * Their instances are left empty: `instancesFromQido` fills them, series by series.
 */
export function seriesFromQido(
  studyUid: StudyInstanceUid,
  base: ResolvedEndpoint,
  qidoSeries: unknown,
): ResolvedSeries[] {
  const records = (Array.isArray(qidoSeries) ? qidoSeries : []).filter(isDicomJsonInstance);
  const series = records.map((record, index): ResolvedSeries => {
    const number = dicomNumber(record, DicomTag.SeriesNumber);
    const uid = readUid(
      dicomString(record, DicomTag.SeriesInstanceUid),
      labelOf('Series', number, index),
      parseSeriesInstanceUid,
    );
    const seriesUid = uid.uid;
    const endpoint: ResolvedEndpoint = { ...base, from: 'study' };
    return {
      uid: seriesUid,
      rawUid: uid.raw,
      number,
      modality: dicomString(record, DicomTag.Modality),
      description: dicomString(record, DicomTag.SeriesDescription),
      wadoRs: endpoint,
      wadoUri: null,
      metadataUrl: seriesUid ? buildWadoRsSeriesMetadataUrl(base.address, studyUid, seriesUid) : null,
      errors: uid.error ? [uid.error] : [],
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
  series: ResolvedSeries,
  qidoInstances: unknown,
): ResolvedInstance[] {
  const records = (Array.isArray(qidoInstances) ? qidoInstances : []).filter(isDicomJsonInstance);
  const seriesUid = series.uid;
  const base = series.wadoRs?.address ?? null;
  return records
    .map((record, index): ResolvedInstance => {
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
 * The entry with its series replaced by the completed ones: counts and modalities the resource left
 * out are taken from the PACS; what the resource did say is kept (it is the record of truth).
 */
export function withCompletedSeries(entry: StudyListEntry, series: ResolvedSeries[]): StudyListEntry {
  const resolved: ResolvedStudy = { ...entry.resolved, series };
  const counted = series.reduce((total, item) => total + item.instances.length, 0);
  const { summary } = entry;
  const modalities =
    summary.modalities.length > 0
      ? summary.modalities
      : [...new Set(series.map((item) => item.modality).filter((code): code is string => code !== null))];
  return {
    ...entry,
    resolved,
    summary: {
      ...summary,
      modalities,
      numberOfSeries: Math.max(summary.numberOfSeries, series.length),
      numberOfInstances: Math.max(summary.numberOfInstances, counted),
    },
    unavailableReason: presentStudyStatus(summary.status).blocksOpening ?? unavailableReasonOf(resolved),
  };
}
