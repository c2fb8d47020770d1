/**
 * A DICOM Structured Report (Basic, Enhanced, Comprehensive…) as readable text: the content tree of
 * PS3.3 C.17.3, each item its concept name and its value in words (numbers with their units, codes by
 * their meaning, references named). Untrusted input: depth and size are bounded, nothing throws.
 */
import { DicomTag, dicomItems, dicomPersonName, dicomString, type DicomJsonInstance } from './dicom-json';

export interface SrItem {
  /** CONTAINS, HAS PROPERTIES, INFERRED FROM…; null at the root. */
  relationship: string | null;
  /** CONTAINER, TEXT, NUM, CODE, DATE, TIME, DATETIME, PNAME, UIDREF, IMAGE, COMPOSITE, SCOORD… */
  valueType: string | null;
  /** The concept name's meaning ("Findings", "Length"); null when the item has none. */
  concept: string | null;
  /** The value in words; null for containers and for values that could not be read. */
  value: string | null;
  children: SrItem[];
}

export interface StructuredReport {
  title: string | null;
  /** COMPLETE or PARTIAL. */
  completion: string | null;
  /** VERIFIED or UNVERIFIED: an unverified report has not been signed off. */
  verification: string | null;
  content: SrItem[];
  /** True when the tree was cut at the depth or item limit (a hostile or broken object). */
  truncated: boolean;
}

const MAX_DEPTH = 24;
const MAX_ITEMS = 5_000;

export function readStructuredReport(instance: DicomJsonInstance): StructuredReport {
  const budget = { items: 0, truncated: false };
  return {
    title: codeMeaningOf(instance, DicomTag.ConceptNameCodeSequence),
    completion: dicomString(instance, DicomTag.CompletionFlag),
    verification: dicomString(instance, DicomTag.VerificationFlag),
    content: readChildren(instance, 0, budget),
    truncated: budget.truncated,
  };
}

function readChildren(
  parent: DicomJsonInstance,
  depth: number,
  budget: { items: number; truncated: boolean },
): SrItem[] {
  const items = dicomItems(parent, DicomTag.ContentSequence);
  if (items.length === 0) return [];
  if (depth >= MAX_DEPTH) {
    budget.truncated = true;
    return [];
  }
  const read: SrItem[] = [];
  for (const item of items) {
    if (budget.items >= MAX_ITEMS) {
      budget.truncated = true;
      break;
    }
    budget.items += 1;
    read.push({
      relationship: dicomString(item, DicomTag.RelationshipType),
      valueType: dicomString(item, DicomTag.ValueType),
      concept: codeMeaningOf(item, DicomTag.ConceptNameCodeSequence),
      value: valueOf(item),
      children: readChildren(item, depth + 1, budget),
    });
  }
  return read;
}

function valueOf(item: DicomJsonInstance): string | null {
  switch (dicomString(item, DicomTag.ValueType)) {
    case 'TEXT':
      return dicomString(item, DicomTag.TextValue);
    case 'NUM':
      return numericValueOf(item);
    case 'CODE':
      return codeMeaningOf(item, DicomTag.ConceptCodeSequence);
    case 'DATE':
      return dicomString(item, DicomTag.DateValue);
    case 'TIME':
      return dicomString(item, DicomTag.TimeValue);
    case 'DATETIME':
      return dicomString(item, DicomTag.DateTimeValue);
    case 'PNAME':
      return dicomPersonName(item, DicomTag.PersonNameValue)?.replace(/\^+/g, ' ').trim() ?? null;
    case 'UIDREF':
      return dicomString(item, DicomTag.UidValue);
    case 'IMAGE':
    case 'COMPOSITE':
    case 'WAVEFORM':
      return referenceOf(item);
    default:
      return null;
  }
}

function numericValueOf(item: DicomJsonInstance): string | null {
  const [measured] = dicomItems(item, DicomTag.MeasuredValueSequence);
  if (!measured) return null;
  const number = dicomString(measured, DicomTag.NumericValue);
  if (number === null) return null;
  const [unit] = dicomItems(measured, DicomTag.MeasurementUnitsCodeSequence);
  // UCUM codes are what clinicians read ("mm", "cm2"); "1" is UCUM's "no unit".
  const code = unit ? dicomString(unit, DicomTag.CodeValue) : null;
  const units = code && code !== '1' ? code : null;
  return units ? `${number} ${units}` : number;
}

function referenceOf(item: DicomJsonInstance): string | null {
  const [reference] = dicomItems(item, DicomTag.ReferencedSopSequence);
  const uid = reference ? dicomString(reference, DicomTag.ReferencedSopInstanceUid) : null;
  return uid ? `Object ${uid}` : null;
}

function codeMeaningOf(item: DicomJsonInstance, tag: string): string | null {
  const [code] = dicomItems(item, tag);
  if (!code) return null;
  return dicomString(code, DicomTag.CodeMeaning) ?? dicomString(code, DicomTag.CodeValue);
}
