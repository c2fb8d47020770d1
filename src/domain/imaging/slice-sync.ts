/**
 * How two stacks shown side by side follow each other's scrolling. Frame-of-reference and slice
 * position rules of DICOM C.7.4.1 / C.7.6.2: positions in one frame of reference are comparable;
 * positions in two frames are not, until the user says where they correspond (the slices on screen
 * when sync is turned on); a stack without positions can only follow by its relative place.
 */
export interface SlicePlane {
  /** Image Position (Patient) of the slice on screen, mm. */
  position: readonly [number, number, number];
  /** Image Orientation (Patient): row then column direction cosines. */
  orientation: readonly number[];
  frameOfReferenceUid: string | null;
}

export type SliceSyncMode =
  /** One frame of reference: the slice at the same position. */
  | 'frame-of-reference'
  /** Two frames, same plane: the slice at the same position once the slices on screen are aligned. */
  | 'aligned-position'
  /** No usable geometry on one side (or different planes): the same fraction of the stack. */
  | 'relative';

/** Planes closer than this (|cos| of the angle between normals) count as the same plane: ~25°. */
const SAME_PLANE_COSINE = 0.9;

export function sliceSyncModeOf(a: SlicePlane | null, b: SlicePlane | null): SliceSyncMode {
  if (!a || !b) return 'relative';
  const na = normalOf(a.orientation);
  const nb = normalOf(b.orientation);
  if (!na || !nb || Math.abs(dot(na, nb)) < SAME_PLANE_COSINE) return 'relative';
  return a.frameOfReferenceUid !== null && a.frameOfReferenceUid === b.frameOfReferenceUid
    ? 'frame-of-reference'
    : 'aligned-position';
}

/** The translation that takes `from`'s slice on screen onto `to`'s (the user's alignment). */
export function alignmentOf(from: SlicePlane, to: SlicePlane): [number, number, number] {
  return [
    to.position[0] - from.position[0],
    to.position[1] - from.position[1],
    to.position[2] - from.position[2],
  ];
}

/** The index at the same relative place in a stack of `targetCount` images. */
export function relativeSliceIndex(sourceIndex: number, sourceCount: number, targetCount: number): number {
  if (targetCount <= 1 || sourceCount <= 1) return 0;
  const fraction = Math.min(Math.max(sourceIndex / (sourceCount - 1), 0), 1);
  return Math.round(fraction * (targetCount - 1));
}

/**
 * The slice of a stack nearest a point (mm, patient coordinates): the first of equals, -1 when no
 * slice has a position. A position not yet known (its metadata still on the way) is skipped.
 */
export function nearestSliceIndex(
  point: readonly [number, number, number],
  positions: readonly (readonly [number, number, number] | null)[],
): number {
  let nearest = -1;
  let best = Infinity;
  positions.forEach((position, index) => {
    if (!position) return;
    const distance = Math.hypot(position[0] - point[0], position[1] - point[1], position[2] - point[2]);
    if (distance < best) [nearest, best] = [index, distance];
  });
  return nearest;
}

type Vec3 = [number, number, number];

function normalOf(orientation: readonly number[]): Vec3 | null {
  if (orientation.length !== 6 || orientation.some((value) => !Number.isFinite(value))) return null;
  const [rx = 0, ry = 0, rz = 0, cx = 0, cy = 0, cz = 0] = orientation;
  const n: Vec3 = [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx];
  const length = Math.hypot(...n);
  return length > 1e-6 ? [n[0] / length, n[1] / length, n[2] / length] : null;
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
