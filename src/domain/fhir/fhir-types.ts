/**
 * The few FHIR shapes this project reads (R4, tolerating STU3 and R5 variants). Every field is
 * optional because the input is someone else's JSON: these interfaces say what a well-formed resource
 * looks like, while the readers in this folder take `unknown` and check each value before using it.
 */
export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  use?: string;
  type?: CodeableConcept;
  system?: string;
  value?: string;
}

export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Extension {
  url?: string;
  valueBoolean?: boolean;
  valueString?: string;
  valueUri?: string;
  valueUrl?: string;
  valueCode?: string;
  extension?: Extension[];
}

export interface Resource {
  resourceType: string;
  id?: string;
  extension?: Extension[];
  contained?: Resource[];
}

export interface Endpoint extends Resource {
  resourceType: 'Endpoint';
  status?: string;
  /** A Coding in R4; a list of CodeableConcepts in R5. */
  connectionType?: Coding | CodeableConcept | CodeableConcept[];
  name?: string;
  address?: string;
}

export interface ImagingStudyInstance {
  uid?: string;
  /** A Coding in R4; an oid string in STU3. */
  sopClass?: Coding | string;
  number?: number;
  title?: string;
}

export interface ImagingStudySeries {
  uid?: string;
  number?: number;
  modality?: Coding;
  description?: string;
  numberOfInstances?: number;
  endpoint?: Reference[];
  instance?: ImagingStudyInstance[];
}

export interface ImagingStudy extends Resource {
  resourceType: 'ImagingStudy';
  /** R4 allows many; some servers send one object instead of an array. */
  identifier?: Identifier[] | Identifier;
  /** STU3 kept the Study Instance UID here. */
  uid?: string;
  status?: string;
  endpoint?: Reference[];
  series?: ImagingStudySeries[];
}

export interface BundleEntry {
  fullUrl?: string;
  resource?: Resource;
}

export interface Bundle extends Resource {
  resourceType: 'Bundle';
  type?: string;
  entry?: BundleEntry[];
}
