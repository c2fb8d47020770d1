import { describe, expect, it } from 'vitest';
import { windowPresetsFor } from './window-presets';

describe('windowPresetsFor', () => {
  it('offers the usual CT windows in HU', () => {
    const byId = Object.fromEntries(windowPresetsFor('CT').map((p) => [p.id, [p.width, p.center]]));
    expect(byId).toEqual({
      'soft-tissue': [400, 40],
      lung: [1500, -600],
      bone: [2000, 300],
      brain: [80, 40],
    });
    expect(windowPresetsFor(' ct ')).toHaveLength(4);
  });
  it('gives each preset its own key', () => {
    const keys = windowPresetsFor('CT').map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('offers none where units are not absolute', () => {
    for (const modality of ['MR', 'US', 'CR', null]) expect(windowPresetsFor(modality)).toEqual([]);
  });
});
