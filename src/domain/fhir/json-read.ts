/**
 * Defensive readers for untrusted JSON: each returns a value of the asked type or a neutral default,
 * and never throws, so one malformed element costs one field, not the whole study.
 */
export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Non-empty text only: an empty string carries no information in FHIR (and is invalid there). */
export function readText(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value : null;
}

export function readInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/** A repeating element as a list: tolerates one object where an array belongs, and absence. */
export function readList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

export function readRecords(value: unknown): JsonRecord[] {
  return readList(value).filter(isRecord);
}

export function field(record: unknown, name: string): unknown {
  return isRecord(record) ? record[name] : undefined;
}
