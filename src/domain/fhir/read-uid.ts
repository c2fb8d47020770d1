import { stripOidPrefix } from './study-instance-uid';

/**
 * Reads a series or instance `uid` and checks it (STU3 and its drafts typed it `oid`, written
 * "urn:oid:1.2.3": the prefix is not part of the UID), phrasing the failure with the label the clinician
 * sees ("Series 3", "Instance 12") and the value exactly as the resource gave it.
 */
export interface UidReading<Uid> {
  uid: Uid | null;
  raw: string | null;
  error: string | null;
}

export function readUid<Uid>(
  value: unknown,
  label: string,
  parse: (raw: unknown) => Uid | null,
): UidReading<Uid> {
  if (value === undefined || value === null || value === '') {
    return { uid: null, raw: null, error: `${label} has no UID.` };
  }
  const raw = typeof value === 'string' ? value : null;
  const uid = parse(raw === null ? value : stripOidPrefix(raw));
  if (uid === null) {
    const quoted = raw === null ? JSON.stringify(value) : `"${raw}"`;
    return { uid: null, raw, error: `${label} UID ${quoted} is not a valid DICOM UID.` };
  }
  return { uid, raw, error: null };
}

/** "Series 3" when the resource numbers it, else its 1-based position, which is always known. */
export function labelOf(kind: 'Series' | 'Instance', number: number | null, index: number): string {
  return number === null ? `${kind} at position ${index + 1}` : `${kind} ${number}`;
}
