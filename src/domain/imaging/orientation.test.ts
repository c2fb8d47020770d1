import { describe, expect, it } from 'vitest';
import { orientationLabel, orientationMarkers } from './orientation';

describe('orientation markers', () => {
  it('labels an axial image in radiological convention', () => {
    // Rows run to the patient's left (+x), columns to posterior (+y): R on the screen's left.
    expect(orientationMarkers([1, 0, 0], [0, 1, 0])).toEqual({
      left: 'R',
      right: 'L',
      top: 'A',
      bottom: 'P',
    });
  });
  it('follows a flip or rotation of the view', () => {
    expect(orientationMarkers([-1, 0, 0], [0, 1, 0]).left).toBe('L');
    expect(orientationMarkers([0, 1, 0], [-1, 0, 0])).toEqual({
      left: 'A',
      right: 'P',
      top: 'L',
      bottom: 'R',
    });
  });
  it('adds a second letter for oblique directions and ignores small tilts', () => {
    expect(orientationLabel([0, 0.948, -0.317])).toBe('PF');
    expect(orientationLabel([0, 0.99, 0.1])).toBe('P');
    expect(orientationLabel([0, 0, 0])).toBe('');
  });
});
