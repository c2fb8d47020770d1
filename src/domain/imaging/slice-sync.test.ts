import { describe, expect, it } from 'vitest';
import {
  alignmentOf,
  nearestSliceIndex,
  relativeSliceIndex,
  sliceSyncModeOf,
  type SlicePlane,
} from './slice-sync';

const axial = (z: number, frame: string | null): SlicePlane => ({
  position: [-100, -100, z],
  orientation: [1, 0, 0, 0, 1, 0],
  frameOfReferenceUid: frame,
});

describe('sliceSyncModeOf', () => {
  it('follows positions directly within one frame of reference', () => {
    expect(sliceSyncModeOf(axial(0, '1.2'), axial(40, '1.2'))).toBe('frame-of-reference');
  });

  it('aligns two frames of reference when the planes agree, a gantry tilt included', () => {
    expect(sliceSyncModeOf(axial(0, '1.2'), axial(0, '3.4'))).toBe('aligned-position');
    expect(sliceSyncModeOf(axial(0, null), axial(0, null))).toBe('aligned-position');
    const tilted: SlicePlane = { ...axial(0, '3.4'), orientation: [1, 0, 0, 0, 0.9483, -0.3173] };
    expect(sliceSyncModeOf(axial(0, '1.2'), tilted)).toBe('aligned-position');
  });

  it('falls back to the relative place without geometry or across planes', () => {
    expect(sliceSyncModeOf(null, axial(0, '1.2'))).toBe('relative');
    const sagittal: SlicePlane = { ...axial(0, '1.2'), orientation: [0, 1, 0, 0, 0, -1] };
    expect(sliceSyncModeOf(axial(0, '1.2'), sagittal)).toBe('relative');
    const broken: SlicePlane = { ...axial(0, '1.2'), orientation: [1, 0, 0] };
    expect(sliceSyncModeOf(axial(0, '1.2'), broken)).toBe('relative');
  });
});

describe('alignmentOf', () => {
  it('is the shift from one slice on screen to the other', () => {
    expect(alignmentOf(axial(-150, 'a'), axial(-147.5, 'b'))).toEqual([0, 0, 2.5]);
  });
});

describe('relativeSliceIndex', () => {
  it('keeps the fraction of the stack, ends to ends', () => {
    expect(relativeSliceIndex(0, 300, 60)).toBe(0);
    expect(relativeSliceIndex(299, 300, 60)).toBe(59);
    expect(relativeSliceIndex(150, 301, 61)).toBe(30);
    expect(relativeSliceIndex(3, 1, 10)).toBe(0);
    expect(relativeSliceIndex(3, 10, 1)).toBe(0);
  });
});

describe('nearestSliceIndex', () => {
  const z = (value: number): [number, number, number] => [-100, -100, value];

  it('is the slice at the smallest distance, whatever the stack order', () => {
    expect(nearestSliceIndex(z(12), [z(0), z(5), z(10), z(15)])).toBe(2);
    expect(nearestSliceIndex(z(12), [z(15), z(10), z(5), z(0)])).toBe(1);
    expect(nearestSliceIndex([-90, -100, 0], [z(0), [-90, -100, 1]])).toBe(1);
  });

  it('takes the first of two slices at the same distance', () => {
    expect(nearestSliceIndex(z(7.5), [z(5), z(10)])).toBe(0);
    expect(nearestSliceIndex(z(7.5), [z(10), z(5)])).toBe(0);
  });

  it('skips slices whose position is not known yet, and says when none is', () => {
    expect(nearestSliceIndex(z(0), [null, z(40), null])).toBe(1);
    expect(nearestSliceIndex(z(0), [null, null])).toBe(-1);
    expect(nearestSliceIndex(z(0), [])).toBe(-1);
  });
});
