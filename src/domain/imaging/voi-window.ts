import { dicomNumbers, type DicomJsonInstance } from './dicom-json';

const WINDOW_CENTER = '00281050';
const WINDOW_WIDTH = '00281051';
const WINDOW_EXPLANATION = '00281055';

export interface VoiWindow {
  center: number;
  width: number;
}

/**
 * A window is a (centre, width) pair with a finite centre and a width of at least 1 (PS3.3
 * C.11.2.1.2: "Window Width shall always be greater than or equal to 1"). A width of 0 draws
 * nothing but a threshold, a negative one inverts: neither is a window, both are treated as absent.
 */
export function isValidWindow({ center, width }: VoiWindow): boolean {
  return Number.isFinite(center) && Number.isFinite(width) && width >= 1;
}

/** The instance's windows in order, pairs matched by position, the invalid ones left out. */
export function validWindowsOf(instance: DicomJsonInstance): VoiWindow[] {
  const centers = dicomNumbers(instance, WINDOW_CENTER);
  const widths = dicomNumbers(instance, WINDOW_WIDTH);
  const pairs: VoiWindow[] = [];
  for (let i = 0; i < Math.min(centers.length, widths.length); i += 1)
    pairs.push({ center: centers[i] ?? Number.NaN, width: widths[i] ?? Number.NaN });
  return pairs.filter(isValidWindow);
}

function explanationsOf(instance: DicomJsonInstance): unknown[] {
  const element = instance[WINDOW_EXPLANATION] as { Value?: unknown } | undefined;
  return Array.isArray(element?.Value) ? element.Value : [];
}

/**
 * The instance with only its valid windows, so that whoever reads "the first window" reads a valid
 * one; with none left the window attributes are removed and the viewer falls back to a VOI LUT or the
 * pixel range. Instances whose windows are all valid are returned as they are.
 */
export function withValidWindowsOnly(instance: DicomJsonInstance): DicomJsonInstance {
  const centers = dicomNumbers(instance, WINDOW_CENTER);
  const widths = dicomNumbers(instance, WINDOW_WIDTH);
  const present = WINDOW_CENTER in instance || WINDOW_WIDTH in instance;
  const valid = validWindowsOf(instance);
  if (!present || (valid.length === centers.length && valid.length === widths.length)) return instance;
  const explanations = explanationsOf(instance);
  const kept = centers
    .map((center, i) => ({ center, width: widths[i] ?? Number.NaN, explanation: explanations[i] }))
    .filter(isValidWindow);
  const rest = Object.fromEntries(
    Object.entries(instance).filter(
      ([tag]) => ![WINDOW_CENTER, WINDOW_WIDTH, WINDOW_EXPLANATION].includes(tag),
    ),
  );
  if (kept.length === 0) return rest;
  const explained = kept.every((window) => typeof window.explanation === 'string');
  return {
    ...rest,
    [WINDOW_CENTER]: { vr: 'DS', Value: kept.map((window) => window.center) },
    [WINDOW_WIDTH]: { vr: 'DS', Value: kept.map((window) => window.width) },
    ...(explained
      ? { [WINDOW_EXPLANATION]: { vr: 'LO', Value: kept.map((window) => window.explanation) } }
      : {}),
  };
}

/**
 * The VOI LUT Function (0028,1056) the viewer draws an image with, from the metadata's value (a string
 * or its first value): 'SIGMOID', else null for LINEAR, the standard's default and what an unknown or
 * absent value means. LINEAR_EXACT is drawn as LINEAR: they differ by under one grey level, and every
 * window the viewer shows or sets is converted to a range by LINEAR's rule, which SIGMOID shares.
 */
export function drawnVoiLutFunction(value: unknown): 'SIGMOID' | null {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim().toUpperCase() === 'SIGMOID' ? 'SIGMOID' : null;
}
