/**
 * The one model of an imaging study, read once from its ImagingStudy (read-imaging-study.ts) and
 * shared by the study list's row and the viewer: what to show, the checked UIDs, the endpoints chosen
 * per series, ready-made URLs, per-level errors, and why the study cannot be opened, if it cannot.
 */
import type { DicomWebBaseUrl } from '../dicomweb/dicomweb-base-url';
import type { SeriesInstanceUid, SopInstanceUid, StudyInstanceUid } from '../dicomweb/dicom-uid';
import type { SeriesKey } from '../dicomweb/series-key';
import { availabilityBlock, type Availability } from './availability';
import type { ImagingConnectionType } from './connection-type';
import type { Endpoint } from './fhir-types';
import { presentStudyStatus } from './study-status';

export interface StudyEndpoint {
  address: DicomWebBaseUrl;
  connectionType: ImagingConnectionType;
  /** Series-level endpoints take precedence over the study's (FHIR R4 ImagingStudy.series.endpoint). */
  from: 'series' | 'study';
  /** The raw resource, so the app can read its extensions (e.g. whether it requires the token). */
  endpoint: Endpoint;
}

export interface StudyInstance {
  uid: SopInstanceUid | null;
  rawUid: string | null;
  number: number | null;
  sopClassUid: string | null;
  wadoRsUrl: string | null;
  wadoUriUrl: string | null;
  errors: string[];
}

export interface StudySeries {
  uid: SeriesInstanceUid | null;
  rawUid: string | null;
  /**
   * The series' identity in the app, and the sign that its images may be fetched: null when it has no
   * UID, neither a WADO-RS nor a WADO-URI server to ask, or the archive says its images cannot be had
   * (availability). How they are fetched: `retrievalOf` (series-retrieval.ts).
   */
  key: SeriesKey | null;
  number: number | null;
  modality: string | null;
  description: string | null;
  wadoRs: StudyEndpoint | null;
  /** Used only when there is no WADO-RS: whole instances, one request each, no metadata service. */
  wadoUri: StudyEndpoint | null;
  /** The series' own availability, else the study's; null when neither says. */
  availability: Availability | null;
  metadataUrl: string | null;
  errors: string[];
  instances: StudyInstance[];
}

export interface Study {
  /** Stable key within one search: the resource id, else its position. */
  key: string;
  id: string | null;
  studyInstanceUid: StudyInstanceUid | null;
  /** `started` when it is a FHIR dateTime, for display, filtering and sorting; else null. */
  started: string | null;
  /** `started` as written when it is not a FHIR dateTime ("invalid date" on screen); else null. */
  startedInvalid: string | null;
  /** The study's own modalities, else its series', in order, without duplicates. */
  modalities: string[];
  /** The description, else the procedure (what was ordered). */
  description: string | null;
  /** The first `procedureCode`'s text or display. */
  procedure: string | null;
  accession: string | null;
  /** The resource's counts when plausible (see read-count.ts), else counted from what it lists. */
  numberOfSeries: number;
  numberOfInstances: number;
  status: string | null;
  /** STU3/draft `availability`; null when absent (R4 and R5 have none). */
  availability: Availability | null;
  referrer: string | null;
  bodySites: string[];
  /** The id of the Encounter the study belongs to, to point out the one the EHR launched from. */
  encounterId: string | null;
  /** The study's own first usable WADO-RS endpoint (series may override it). */
  wadoRs: StudyEndpoint | null;
  /** The full IHE IID URL that opens this study in the PACS viewer. */
  iid: string | null;
  errors: string[];
  series: StudySeries[];
  /** A sentence for the clinician when the study cannot be opened; null when it can. */
  unavailableReason: string | null;
}

/**
 * Why a study cannot be opened, the one rule for the list and the viewer. The status speaks first: a
 * registered study has no images whatever its endpoints say.
 */
export function unavailableReasonOf(study: Omit<Study, 'unavailableReason'>): string | null {
  const byStatus = presentStudyStatus(study.status).blocksOpening;
  if (byStatus) return byStatus;
  if (!study.studyInstanceUid) {
    return study.errors[0] ?? 'This study has no valid Study Instance UID.';
  }
  // An image server counts only where the archive does not say the images cannot be had.
  const servable = (endpoint: StudyEndpoint | null, availability: Availability | null) =>
    endpoint !== null && availabilityBlock(availability) === null;
  // Listed series take the study's endpoint when they have none of their own; the study's alone
  // counts only when it lists no series (the viewer then asks the PACS for them).
  const hasImageServer =
    study.series.length === 0
      ? servable(study.wadoRs, study.availability)
      : study.series.some((series) => servable(series.wadoRs ?? series.wadoUri, series.availability));
  const offline = [study.availability, ...study.series.map((series) => series.availability)]
    .map(availabilityBlock)
    .find((reason) => reason !== null);
  if (!hasImageServer && offline) return `Images unavailable. ${offline}`;
  if (!hasImageServer) {
    const detail = study.errors[0] ?? study.series.flatMap((series) => series.errors)[0];
    return `Images unavailable: no usable image server (WADO-RS or WADO-URI) is linked to this study.${detail ? ` ${detail}` : ''}`;
  }
  return null;
}
