/** Which sandbox PACS holds something: `a` needs our access token, `b` is open. */
export type PacsKey = 'a' | 'b';

export interface SeriesInfo {
  readonly uid: string;
  readonly number?: number;
  readonly description?: string;
  readonly modality: string;
  readonly instances: number;
  readonly pacs: PacsKey;
}

export interface StudyInfo {
  /** The ImagingStudy id in the sandbox FHIR server. */
  readonly id: string;
  readonly patient: string;
  readonly studyInstanceUid: string;
  readonly description?: string;
  /** The PACS the study-level Endpoint points to. */
  readonly pacs: PacsKey;
  readonly series: readonly SeriesInfo[];
}

/** Printed as `SANDBOX READY {json}`: everything a test needs to find its way around. */
export interface SandboxInfo {
  /** The app origin, or null when the sandbox runs without serving the app (SANDBOX_APP=none). */
  readonly app: string | null;
  readonly launcher: string;
  /** FHIR base URL = the `iss` of launches. */
  readonly fhir: string;
  /** Authorization server / EHR origin. */
  readonly ehr: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** DICOMweb bases exactly as Endpoint.address holds them. */
  readonly pacs: { readonly a: string; readonly b: string };
  readonly patients: readonly string[];
  /** Keyed by ImagingStudy id; only the studies with images in the sandbox PACS. */
  readonly studies: Readonly<Record<string, StudyInfo>>;
  /** The study whose localizer series lives on pacs-b while the study endpoint is pacs-a. */
  readonly twoPacsStudy: string;
  /** Lifetime of the access tokens the EHR issues (`TOKEN_TTL_SECONDS`). */
  readonly tokenTtlSeconds: number;
}
