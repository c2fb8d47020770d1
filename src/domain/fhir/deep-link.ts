/**
 * What a viewer URL asks for. Three dialects land on one study of the patient in context:
 * OHIF's `StudyInstanceUIDs` (+ `SeriesInstanceUID`), a SMART `fhirContext` turned into
 * `ImagingStudy=<id>`, and IHE Invoke Image Display (RAD-106) `requestType=STUDY&studyUID=…`;
 * IID `requestType=PATIENT` asks for the patient's list instead.
 */
import {
  parseSeriesInstanceUid,
  parseStudyInstanceUid,
  type SeriesInstanceUid,
  type StudyInstanceUid,
} from '../dicomweb/dicom-uid';
import { DICOM_UID_IDENTIFIER_SYSTEM, stripOidPrefix } from './study-instance-uid';

export type DeepLinkRequest =
  | { kind: 'study-uid'; studyUid: StudyInstanceUid; seriesUid: SeriesInstanceUid | null }
  | { kind: 'study-id'; id: string; seriesUid: SeriesInstanceUid | null }
  | { kind: 'patient'; patientId: string | null }
  /** The link names a study, but not in a form any server could hold: said so, never searched. */
  | { kind: 'invalid'; raw: string }
  | { kind: 'none' };

/** FHIR ids: [A-Za-z0-9\-\.]{1,64} (R4 §2.24.0.1). */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export function parseDeepLink(params: URLSearchParams): DeepLinkRequest {
  const requestType = params.get('requestType')?.trim().toUpperCase() ?? null;
  if (requestType === 'PATIENT') {
    return { kind: 'patient', patientId: params.get('patientID')?.trim() || null };
  }
  const seriesUid = firstSeriesUid(params);
  const uidList =
    params.get('StudyInstanceUIDs') ?? (requestType === 'STUDY' ? params.get('studyUID') : null);
  if (uidList !== null) {
    // OHIF (and IID) allow a comma list: the first study is the one opened, a second one is shown
    // beside it for comparison (compareStudyUidOf), further ones are not used.
    const raw = uidList.split(',')[0]?.trim() ?? '';
    const studyUid = parseStudyInstanceUid(stripOidPrefix(raw));
    return studyUid ? { kind: 'study-uid', studyUid, seriesUid } : { kind: 'invalid', raw };
  }
  const id =
    params
      .get('ImagingStudy')
      ?.trim()
      .replace(/^ImagingStudy\//, '') ?? null;
  if (id !== null)
    return FHIR_ID.test(id) ? { kind: 'study-id', id, seriesUid } : { kind: 'invalid', raw: id };
  return { kind: 'none' };
}

function firstSeriesUid(params: URLSearchParams): SeriesInstanceUid | null {
  const raw = params.get('SeriesInstanceUID') ?? params.get('SeriesInstanceUIDs');
  return parseSeriesInstanceUid(raw?.split(',')[0]?.trim());
}

/**
 * The second study of `StudyInstanceUIDs=<a>,<b>`, opened beside the first to compare: null when the
 * link names one study (or the same one twice), `invalid` when the second is not a UID.
 */
export function compareStudyUidOf(
  params: URLSearchParams,
): { kind: 'study-uid'; studyUid: StudyInstanceUid } | { kind: 'invalid'; raw: string } | null {
  const list = params.get('StudyInstanceUIDs');
  if (list === null) return null;
  const [first, second] = list.split(',').map((part) => stripOidPrefix(part.trim()));
  if (second === undefined || second === '' || second === first) return null;
  const studyUid = parseStudyInstanceUid(second);
  return studyUid ? { kind: 'study-uid', studyUid } : { kind: 'invalid', raw: second };
}

/**
 * The FHIR search that finds one study of the patient by its Study Instance UID: the token search on
 * `identifier` with R4's `urn:dicom:uid` system and `urn:oid:` value, scoped to the patient so a UID
 * of another patient's study is "not found" rather than shown.
 */
export function studySearchParams(patientId: string, request: DeepLinkRequest): URLSearchParams | null {
  const params = new URLSearchParams({ patient: patientId });
  if (request.kind === 'study-uid') {
    params.set('identifier', `${DICOM_UID_IDENTIFIER_SYSTEM}|urn:oid:${request.studyUid}`);
  } else if (request.kind === 'study-id') {
    params.set('_id', request.id);
  } else {
    return null;
  }
  params.set('_include', 'ImagingStudy:endpoint');
  return params;
}

/** The app-relative link that reopens a study (and series): OHIF's parameter names. */
export function buildViewerPath(studyUid: StudyInstanceUid, seriesUid: SeriesInstanceUid | null): string {
  const params = new URLSearchParams({ StudyInstanceUIDs: studyUid });
  if (seriesUid) params.set('SeriesInstanceUID', seriesUid);
  return `/viewer?${params.toString()}`;
}

/** The link that opens two studies side by side (OHIF's comma list): the first is the one in front. */
export function buildComparePath(
  studyUid: StudyInstanceUid,
  compareUid: StudyInstanceUid,
  seriesUid: SeriesInstanceUid | null,
): string {
  const params = new URLSearchParams({ StudyInstanceUIDs: `${studyUid},${compareUid}` });
  if (seriesUid) params.set('SeriesInstanceUID', seriesUid);
  return `/viewer?${params.toString()}`;
}

/**
 * The in-app link that opens a study the list holds: by its resource id, so the viewer takes the study
 * from the list instead of searching for it again; by its Study Instance UID when it has no id. Links
 * meant for elsewhere ("Copy link") use `buildViewerPath`, which any server can resolve.
 */
export function buildOpenStudyPath(study: {
  id: string | null;
  studyInstanceUid: StudyInstanceUid | null;
}): string | null {
  if (study.id !== null && FHIR_ID.test(study.id)) {
    return `/viewer?${new URLSearchParams({ ImagingStudy: study.id }).toString()}`;
  }
  return study.studyInstanceUid ? buildViewerPath(study.studyInstanceUid, null) : null;
}
