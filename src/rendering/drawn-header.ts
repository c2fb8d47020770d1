import { metaData } from '@cornerstonejs/core';
import type { DicomPatient } from '@/domain/imaging/patient-match';

/**
 * What the drawn image's own header says, as Cornerstone read it with the pixels (from the metadata
 * the viewer registered, or from the file itself for WADO-URI and whole instances).
 */
export interface DrawnHeaderFacts {
  /** PatientID and PatientName; null before an image is drawn and for a header that names nobody. */
  drawnPatient: DicomPatient | null;
  /** NumberOfFrames (1 when the header has none); null before an image is drawn. */
  drawnFrameCount: number | null;
}

/**
 * The viewport state is read on every render and camera event (many per second while dragging); a
 * drawn image's header does not change, so it is read once per image.
 */
let last: { imageId: string; facts: DrawnHeaderFacts } | null = null;

export function drawnHeaderFacts(drawnImageId: string | null): DrawnHeaderFacts {
  if (drawnImageId === null) return { drawnPatient: null, drawnFrameCount: null };
  if (last?.imageId !== drawnImageId) {
    last = {
      imageId: drawnImageId,
      facts: { drawnPatient: patientInHeaderOf(drawnImageId), drawnFrameCount: frameCountOf(drawnImageId) },
    };
  }
  return last.facts;
}

function patientInHeaderOf(imageId: string): DicomPatient | null {
  const fields = headerModule('patientModule', imageId);
  const id = textOf(fields.get('patientid'));
  const name = textOf(fields.get('patientname'));
  return id === null && name === null ? null : { id, name };
}

function frameCountOf(imageId: string): number {
  const frames = Number(headerModule('generalImageModule', imageId).get('numberofframes'));
  return Number.isInteger(frames) && frames > 1 ? frames : 1;
}

/** A Cornerstone metadata module's fields by lower-cased name (naturalised names come in either case). */
function headerModule(name: string, imageId: string): Map<string, unknown> {
  const module: unknown = metaData.get(name, imageId);
  return typeof module === 'object' && module !== null
    ? new Map(Object.entries(module).map(([key, value]) => [key.toLowerCase(), value]))
    : new Map();
}

/** A string, or a person name as naturalised DICOM gives it (`{ Alphabetic }`, possibly in a list). */
function textOf(value: unknown): string | null {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.trim() || null;
  if (typeof first === 'object' && first !== null && 'Alphabetic' in first) return textOf(first.Alphabetic);
  return null;
}
