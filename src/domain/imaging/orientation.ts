/** A direction in the patient coordinate system (DICOM LPS: +x left, +y posterior, +z head). */
export type PatientVector = readonly [number, number, number];

export interface OrientationMarkers {
  left: string;
  right: string;
  top: string;
  bottom: string;
}

const LETTERS: readonly (readonly [string, string])[] = [
  ['L', 'R'],
  ['P', 'A'],
  ['H', 'F'],
];

/**
 * The patient direction a screen direction points to, as radiologists write it: the dominant axis
 * first, a second letter for an oblique one (as for a gantry tilt), nothing for a null vector.
 */
export function orientationLabel(vector: PatientVector): string {
  const length = Math.hypot(...vector);
  if (!(length > 0)) return '';
  const parts = vector
    .map((component, axis) => ({ axis, share: component / length }))
    .filter((part) => Math.abs(part.share) >= 0.25)
    .sort((a, b) => Math.abs(b.share) - Math.abs(a.share))
    .slice(0, 2);
  return parts.map(({ axis, share }) => LETTERS[axis]?.[share > 0 ? 0 : 1] ?? '').join('');
}

/** The four edge markers from the screen's right and down directions in patient space. */
export function orientationMarkers(right: PatientVector, down: PatientVector): OrientationMarkers {
  const negate = (v: PatientVector): PatientVector => [-v[0], -v[1], -v[2]];
  return {
    left: orientationLabel(negate(right)),
    right: orientationLabel(right),
    top: orientationLabel(negate(down)),
    bottom: orientationLabel(down),
  };
}
