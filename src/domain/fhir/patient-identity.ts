import { field, readList, readRecords, readText } from './json-read';

/** Who the patient is, as shown on the banner and on every viewport. */
export interface PatientIdentity {
  id: string | null;
  /** "FAMILY, Given Middle" — the order most PACS and EHR banners use. */
  name: string | null;
  /** The medical record number, else the first identifier's value. */
  mrn: string | null;
  birthDate: string | null;
  gender: string | null;
}

export function patientIdentityOf(patient: unknown): PatientIdentity {
  return {
    id: readText(field(patient, 'id')),
    name: nameOf(patient),
    mrn: mrnOf(patient),
    birthDate: readText(field(patient, 'birthDate')),
    gender: readText(field(patient, 'gender')),
  };
}

function nameOf(patient: unknown): string | null {
  const names = readRecords(field(patient, 'name'));
  const chosen = names.find((name) => readText(field(name, 'use')) === 'official') ?? names[0];
  if (!chosen) return null;
  const family = readText(field(chosen, 'family'));
  const given = readList(field(chosen, 'given'))
    .map(readText)
    .filter((part): part is string => part !== null)
    .join(' ');
  if (family && given) return `${family.toUpperCase()}, ${given}`;
  return family?.toUpperCase() ?? (given || readText(field(chosen, 'text')));
}

function mrnOf(patient: unknown): string | null {
  const identifiers = readRecords(field(patient, 'identifier'));
  const mrn = identifiers.find((identifier) =>
    readRecords(field(field(identifier, 'type'), 'coding')).some(
      (coding) => readText(field(coding, 'code')) === 'MR',
    ),
  );
  return readText(field(mrn ?? identifiers[0], 'value'));
}
