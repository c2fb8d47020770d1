/**
 * What the app gets from an ImagingStudy: checked UIDs, the chosen endpoints, ready-made URLs, and
 * per-level errors. Everything the viewer needs to fetch or to explain why it cannot.
 */
import type { DicomWebBaseUrl } from '../dicomweb/dicomweb-base-url';
import type { SeriesInstanceUid, SopInstanceUid, StudyInstanceUid } from '../dicomweb/dicom-uid';
import type { ImagingConnectionType } from './connection-type';
import type { Endpoint } from './fhir-types';

export interface ResolvedEndpoint {
  address: DicomWebBaseUrl;
  connectionType: ImagingConnectionType;
  /** Series-level endpoints take precedence over the study's (FHIR R4 ImagingStudy.series.endpoint). */
  from: 'series' | 'study';
  /** The raw resource, so the app can read its extensions (e.g. whether it requires the token). */
  endpoint: Endpoint;
}

export interface ResolvedInstance {
  uid: SopInstanceUid | null;
  rawUid: string | null;
  number: number | null;
  sopClassUid: string | null;
  wadoRsUrl: string | null;
  wadoUriUrl: string | null;
  errors: string[];
}

export interface ResolvedSeries {
  uid: SeriesInstanceUid | null;
  rawUid: string | null;
  number: number | null;
  modality: string | null;
  description: string | null;
  wadoRs: ResolvedEndpoint | null;
  wadoUri: ResolvedEndpoint | null;
  metadataUrl: string | null;
  errors: string[];
  instances: ResolvedInstance[];
}

export interface ResolvedStudy {
  id: string | null;
  studyInstanceUid: StudyInstanceUid | null;
  /** The study's own first usable WADO-RS endpoint (series may override it). */
  wadoRs: ResolvedEndpoint | null;
  /** The full IHE IID URL that opens this study in the PACS viewer. */
  iid: string | null;
  errors: string[];
  series: ResolvedSeries[];
}
