/**
 * What a DICOM object is, so that each opens as what it is: images in the stack viewer, key object
 * selections as key-image marks, structured reports as text, encapsulated PDFs as documents, and the
 * rest listed with their type and "not displayed" (never an error or an endless spinner). Decided by
 * the SOP Class UID (PS3.4 B.5), else the modality, else whether the object has rows of pixels.
 */
import { DicomTag, dicomNumber, dicomString, type DicomJsonInstance } from './dicom-json';

export type ObjectKind =
  | 'image'
  | 'key-objects'
  | 'structured-report'
  | 'pdf'
  | 'presentation-state'
  | 'segmentation'
  | 'rt-structure-set'
  | 'other';

/** What the series panel calls each kind. */
export const OBJECT_KIND_LABELS: Readonly<Record<ObjectKind, string>> = {
  image: 'Images',
  'key-objects': 'Key object selection',
  'structured-report': 'Structured report',
  pdf: 'PDF document',
  'presentation-state': 'Presentation state',
  segmentation: 'Segmentation',
  'rt-structure-set': 'RT structure set',
  other: 'Non-image object',
};

/** Whether the viewer shows this kind itself (the others are listed as "not displayed"). */
export function isDisplayedKind(kind: ObjectKind): boolean {
  return kind === 'image' || kind === 'structured-report' || kind === 'pdf' || kind === 'key-objects';
}

const STORAGE = '1.2.840.10008.5.1.4.1.1.';

const EXACT: Readonly<Record<string, ObjectKind>> = {
  [`${STORAGE}88.59`]: 'key-objects',
  [`${STORAGE}104.1`]: 'pdf',
  [`${STORAGE}66.4`]: 'segmentation',
  [`${STORAGE}66.5`]: 'segmentation',
  [`${STORAGE}481.3`]: 'rt-structure-set',
  [`${STORAGE}481.1`]: 'image',
};

/** Families of SOP classes that hold no pixels to stack (waveforms, raw data, RT plans, documents…). */
const NON_IMAGE_PREFIXES: readonly (readonly [string, ObjectKind])[] = [
  [`${STORAGE}88.`, 'structured-report'],
  [`${STORAGE}11.`, 'presentation-state'],
  [`${STORAGE}9.`, 'other'],
  [`${STORAGE}66`, 'other'],
  [`${STORAGE}104.`, 'other'],
  [`${STORAGE}481.`, 'other'],
  [`${STORAGE}67`, 'other'],
  [`${STORAGE}68.`, 'other'],
  [`${STORAGE}78.`, 'other'],
  [`${STORAGE}79.`, 'other'],
  [`${STORAGE}80.`, 'other'],
  [`${STORAGE}81.`, 'other'],
  [`${STORAGE}82.`, 'other'],
  ['1.2.840.10008.5.1.4.34.', 'other'],
  ['1.2.840.10008.5.1.4.38.', 'other'],
  ['1.2.840.10008.5.1.4.43.', 'other'],
  ['1.2.840.10008.5.1.4.44.', 'other'],
  ['1.2.840.10008.5.1.4.45.', 'other'],
];

/** The kind a SOP Class UID names; null when the class is not one we know (decide by other means). */
export function objectKindOfSopClass(sopClassUid: string | null): ObjectKind | null {
  if (!sopClassUid) return null;
  const exact = EXACT[sopClassUid];
  if (exact) return exact;
  const family = NON_IMAGE_PREFIXES.find(([prefix]) => sopClassUid.startsWith(prefix));
  if (family) return family[1];
  return sopClassUid.startsWith(STORAGE) ? 'image' : null;
}

const BY_MODALITY: Readonly<Record<string, ObjectKind>> = {
  KO: 'key-objects',
  SR: 'structured-report',
  DOC: 'pdf',
  PR: 'presentation-state',
  SEG: 'segmentation',
  RTSTRUCT: 'rt-structure-set',
  RTPLAN: 'other',
  RTRECORD: 'other',
  REG: 'other',
  FID: 'other',
  ECG: 'other',
  HD: 'other',
  AU: 'other',
  PLAN: 'other',
};

/** The kind a modality code implies; null for imaging modalities and unknown codes. */
export function objectKindOfModality(modality: string | null): ObjectKind | null {
  return modality ? (BY_MODALITY[modality.toUpperCase()] ?? null) : null;
}

/**
 * One object's kind from its metadata: SOP class, else modality; an unknown SOP class is an image
 * when it has rows of pixels. Metadata that names no SOP class at all says nothing against an image:
 * it is tried as one (the viewport then says whether it could be shown).
 */
export function objectKindOfInstance(instance: DicomJsonInstance): ObjectKind {
  const sopClass = dicomString(instance, DicomTag.SopClassUid);
  const known =
    objectKindOfSopClass(sopClass) ?? objectKindOfModality(dicomString(instance, DicomTag.Modality));
  if (known) return known;
  return sopClass === null || dicomNumber(instance, DicomTag.Rows) !== null ? 'image' : 'other';
}

/**
 * A series' kind before its metadata is fetched, from what FHIR says: its instances' SOP classes
 * (all of one kind, else 'image' when any is an image), else its modality; null when FHIR does not say.
 */
export function objectKindOfListedSeries(series: {
  modality: string | null;
  instances: readonly { sopClassUid: string | null }[];
}): ObjectKind | null {
  const kinds = [...new Set(series.instances.map((item) => objectKindOfSopClass(item.sopClassUid)))].filter(
    (kind): kind is ObjectKind => kind !== null,
  );
  if (kinds.length === 1) return kinds[0] ?? null;
  if (kinds.includes('image')) return 'image';
  return objectKindOfModality(series.modality) ?? kinds[0] ?? null;
}
