/**
 * Which imaging service an Endpoint offers, from `connectionType`: a Coding in R4, a list of
 * CodeableConcepts in R5. A code counts only in HL7's endpoint-connection-type system (today's or
 * STU3's address of it) or with no system: the same code in another system is someone else's vocabulary.
 */
import { field, isRecord, readList, readRecords, readText, type JsonRecord } from './json-read';

export const ENDPOINT_CONNECTION_TYPE_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/endpoint-connection-type';

/** The same codes' system in STU3 (and DSTU2), before terminology moved to terminology.hl7.org. */
export const STU3_ENDPOINT_CONNECTION_TYPE_SYSTEM = 'http://hl7.org/fhir/endpoint-connection-type';

export const IMAGING_CONNECTION_TYPES = ['dicom-wado-rs', 'dicom-wado-uri', 'ihe-iid'] as const;

export type ImagingConnectionType = (typeof IMAGING_CONNECTION_TYPES)[number];

export function connectionTypeOf(endpoint: unknown): ImagingConnectionType | null {
  for (const coding of connectionCodingsOf(endpoint)) {
    const code = coding.code;
    if (isImagingConnectionType(code) && hasConnectionTypeSystem(coding)) return code;
  }
  return null;
}

/** Every Coding in `connectionType`, whichever of its shapes was used. */
export function connectionCodingsOf(endpoint: unknown): JsonRecord[] {
  return readList(field(endpoint, 'connectionType')).flatMap((item) => {
    if (!isRecord(item)) return [];
    return 'coding' in item ? readRecords(item.coding) : [item];
  });
}

/** An imaging code under another system: worth telling the integrator, since it looks right. */
export function foreignImagingCodingOf(endpoint: unknown): { code: string; system: string } | null {
  for (const coding of connectionCodingsOf(endpoint)) {
    const system = readText(coding.system);
    if (isImagingConnectionType(coding.code) && system !== null && !hasConnectionTypeSystem(coding)) {
      return { code: coding.code, system };
    }
  }
  return null;
}

export function isImagingConnectionType(code: unknown): code is ImagingConnectionType {
  return IMAGING_CONNECTION_TYPES.some((type) => type === code);
}

function hasConnectionTypeSystem(coding: JsonRecord): boolean {
  return (
    coding.system === undefined ||
    coding.system === ENDPOINT_CONNECTION_TYPE_SYSTEM ||
    coding.system === STU3_ENDPOINT_CONNECTION_TYPE_SYSTEM
  );
}
