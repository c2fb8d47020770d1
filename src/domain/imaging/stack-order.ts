import { DicomTag, dicomNumber, dicomNumbers, type DicomJsonInstance } from './dicom-json';

/**
 * How a stack is ordered when the viewer could not see the images' positions before ordering it: a few
 * words for the overlay, the whole sentence for the series panel. A stack from WADO-RS metadata or
 * from local files is ordered with their headers in hand and has none.
 */
export interface StackOrderNote {
  brief: string;
  sentence: string;
}

/**
 * Orders a series' instances for a stack: by position along the slice normal when every instance has
 * geometry and they share one orientation (so tilted or unevenly spaced CT still scrolls in anatomical
 * order), else by InstanceNumber. Ties keep the server's order.
 */
export function orderInstancesForStack(instances: readonly DicomJsonInstance[]): DicomJsonInstance[] {
  const byPosition = positionsAlongNormal(instances);
  const keyed = instances.map((instance, index) => ({
    instance,
    index,
    key: byPosition ? (byPosition[index] ?? 0) : (dicomNumber(instance, DicomTag.InstanceNumber) ?? Infinity),
  }));
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.map((entry) => entry.instance);
}

function positionsAlongNormal(instances: readonly DicomJsonInstance[]): number[] | null {
  if (instances.length < 2) return null;
  const first = instances[0];
  if (!first) return null;
  const orientation = dicomNumbers(first, DicomTag.ImageOrientationPatient);
  if (orientation.length !== 6) return null;
  const normal = cross(orientation.slice(0, 3), orientation.slice(3, 6));
  const positions: number[] = [];
  for (const instance of instances) {
    const own = dicomNumbers(instance, DicomTag.ImageOrientationPatient);
    const position = dicomNumbers(instance, DicomTag.ImagePositionPatient);
    if (position.length !== 3 || !sameOrientation(own, orientation)) return null;
    positions.push(dot(position, normal));
  }
  return positions;
}

function sameOrientation(a: readonly number[], b: readonly number[]): boolean {
  return a.length === 6 && a.every((value, i) => Math.abs(value - (b[i] ?? NaN)) < 1e-3);
}

function cross(a: readonly number[], b: readonly number[]): number[] {
  const [a0 = 0, a1 = 0, a2 = 0] = a;
  const [b0 = 0, b1 = 0, b2 = 0] = b;
  return [a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0];
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
}
