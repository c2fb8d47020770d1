import { describe, expect, it } from 'vitest';
import { commandForKey, keyLabel, viewerShortcuts } from './viewer-shortcuts';
import { windowPresetsFor } from './window-presets';

const press = (
  key: string,
  modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('viewer shortcuts', () => {
  const ct = viewerShortcuts(windowPresetsFor('CT'));

  it('maps navigation keys', () => {
    expect(commandForKey(ct, press('ArrowDown'))).toEqual({ type: 'image', delta: 1 });
    expect(commandForKey(ct, press('ArrowUp'))).toEqual({ type: 'image', delta: -1 });
    expect(commandForKey(ct, press('PageDown'))).toEqual({ type: 'series', delta: 1 });
    expect(commandForKey(ct, press('Home'))).toEqual({ type: 'image-edge', edge: 'first' });
    expect(commandForKey(ct, press('End'))).toEqual({ type: 'image-edge', edge: 'last' });
  });

  it('maps presets by digit only where the modality has presets', () => {
    expect(commandForKey(ct, press('2'))).toEqual({ type: 'preset', presetId: 'lung' });
    expect(commandForKey(viewerShortcuts(windowPresetsFor('MR')), press('2'))).toBeNull();
  });

  it('ignores keys with modifiers and unknown keys', () => {
    expect(commandForKey(ct, press('r', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(ct, press('F5'))).toBeNull();
    expect(commandForKey(ct, press('R'))).toEqual({ type: 'rotate', degrees: 90 });
  });

  it('gives every key one meaning', () => {
    const keys = ct.flatMap((shortcut) => shortcut.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists ? itself and writes keys readably', () => {
    expect(commandForKey(ct, press('?'))).toEqual({ type: 'help' });
    expect(keyLabel('ArrowDown')).toBe('↓');
    expect(keyLabel(' ')).toBe('Space');
    expect(keyLabel('x')).toBe('x');
  });
});
