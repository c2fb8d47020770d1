import { describe, expect, it } from 'vitest';
import { DicomTag, dicomString, type DicomJsonInstance } from './dicom-json';
import { orderInstancesForStack } from './stack-order';

function instance(
  uid: string,
  number: number,
  z: number | null,
  orientation = [1, 0, 0, 0, 1, 0],
): DicomJsonInstance {
  return {
    [DicomTag.SopInstanceUid]: { vr: 'UI', Value: [uid] },
    [DicomTag.InstanceNumber]: { vr: 'IS', Value: [number] },
    ...(z === null
      ? {}
      : {
          [DicomTag.ImagePositionPatient]: { vr: 'DS', Value: [0, 0, z] },
          [DicomTag.ImageOrientationPatient]: { vr: 'DS', Value: orientation },
        }),
  };
}

const uids = (list: DicomJsonInstance[]) => list.map((i) => dicomString(i, DicomTag.SopInstanceUid));

describe('orderInstancesForStack', () => {
  it('orders by position along the slice normal, not by instance number', () => {
    const ordered = orderInstancesForStack([
      instance('a', 1, 30),
      instance('b', 2, 10),
      instance('c', 3, 20),
    ]);
    expect(uids(ordered)).toEqual(['b', 'c', 'a']);
  });

  it('uses the normal of a tilted acquisition (gantry tilt)', () => {
    const tilt = [1, 0, 0, 0, 0.948, -0.317];
    // Normal = (0, 0.317, 0.948): the slice with the larger y·0.317 + z·0.948 comes later.
    const ordered = orderInstancesForStack([
      {
        ...instance('late', 1, 10, tilt),
        [DicomTag.ImagePositionPatient]: { vr: 'DS', Value: ['0', '5', '10'] },
      },
      {
        ...instance('early', 2, 0, tilt),
        [DicomTag.ImagePositionPatient]: { vr: 'DS', Value: ['0', '-5', '0'] },
      },
    ]);
    expect(uids(ordered)).toEqual(['early', 'late']);
  });

  it('falls back to InstanceNumber when geometry is missing or orientations differ', () => {
    expect(uids(orderInstancesForStack([instance('b', 2, null), instance('a', 1, null)]))).toEqual([
      'a',
      'b',
    ]);
    const mixed = [instance('b', 2, 0), instance('a', 1, 10, [0, 1, 0, 0, 0, -1])];
    expect(uids(orderInstancesForStack(mixed))).toEqual(['a', 'b']);
  });

  it('keeps the server order for ties and for instances without numbers', () => {
    const noNumbers: DicomJsonInstance[] = [
      { [DicomTag.SopInstanceUid]: { Value: ['x'] } },
      { [DicomTag.SopInstanceUid]: { Value: ['y'] } },
    ];
    expect(uids(orderInstancesForStack(noNumbers))).toEqual(['x', 'y']);
  });
});
