import { describe, expect, it } from 'vitest';
import { drawnVoiLutFunction, validWindowsOf, withValidWindowsOnly } from './voi-window';

const windows = (centers: unknown[], widths: unknown[], explanations?: string[]) => ({
  '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
  '00281050': { vr: 'DS', Value: centers },
  '00281051': { vr: 'DS', Value: widths },
  ...(explanations ? { '00281055': { vr: 'LO', Value: explanations } } : {}),
});

describe('VOI windows', () => {
  it('a width below 1, a missing centre or a missing width is no window', () => {
    expect(validWindowsOf(windows([40, 300, 50], [0, -400, 1]))).toEqual([{ center: 50, width: 1 }]);
    expect(validWindowsOf(windows([40, 300], [400]))).toEqual([{ center: 40, width: 400 }]);
    expect(validWindowsOf(windows([], [400]))).toEqual([]);
    expect(validWindowsOf(windows(['40', 'x'], ['400', '80']))).toEqual([{ center: 40, width: 400 }]);
  });

  it('falls back to the next valid window, keeping its explanation', () => {
    const cleaned = withValidWindowsOnly(windows([40, 300], [0, 1500], ['BROKEN', 'BONE']));
    expect(cleaned['00281050']).toEqual({ vr: 'DS', Value: [300] });
    expect(cleaned['00281051']).toEqual({ vr: 'DS', Value: [1500] });
    expect(cleaned['00281055']).toEqual({ vr: 'LO', Value: ['BONE'] });
  });

  it('with no valid window left, the window attributes are gone and the rest stays', () => {
    const cleaned = withValidWindowsOnly(windows([40], [-1]));
    expect(Object.keys(cleaned)).toEqual(['00280004']);
    expect(withValidWindowsOnly(windows([], [400]))).toEqual({
      '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
    });
  });

  it('an instance whose windows are all valid is returned as it is', () => {
    const instance = windows([40], [400]);
    expect(withValidWindowsOnly(instance)).toBe(instance);
    const none = { '00280004': { vr: 'CS', Value: ['MONOCHROME2'] } };
    expect(withValidWindowsOnly(none)).toBe(none);
  });
});

describe('drawnVoiLutFunction', () => {
  it('is SIGMOID for SIGMOID however the metadata gives it, and LINEAR (null) for everything else', () => {
    expect(drawnVoiLutFunction('SIGMOID')).toBe('SIGMOID');
    expect(drawnVoiLutFunction(['SIGMOID'])).toBe('SIGMOID');
    expect(drawnVoiLutFunction(' sigmoid ')).toBe('SIGMOID');
    // Not its first letter (Cornerstone's loader takes `value[0]` of a string: 'S').
    expect(drawnVoiLutFunction('S')).toBeNull();
    for (const value of ['LINEAR', ['LINEAR'], 'LINEAR_EXACT', 'UNKNOWN', '', [], undefined, null, 3])
      expect(drawnVoiLutFunction(value)).toBeNull();
  });
});
