import { describe, expect, it } from 'vitest';
import {
  commandForKey,
  isKeyKeptBy,
  keyLabel,
  shortcutCondition,
  shortcutsOffNote,
  viewerShortcuts,
} from './viewer-shortcuts';
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

describe('keys a focused control keeps', () => {
  const ct = viewerShortcuts(windowPresetsFor('CT'));
  const shortcutOf = (key: string) => ct.find((shortcut) => shortcut.keys.includes(key));

  it('a button keeps Space and Enter only; fields and dialogs keep every key', () => {
    expect(isKeyKeptBy('pressed', ' ')).toBe(true);
    expect(isKeyKeptBy('pressed', 'Enter')).toBe(true);
    expect(isKeyKeptBy('pressed', 'ArrowDown')).toBe(false);
    expect(isKeyKeptBy('typed-into', 'ArrowDown')).toBe(true);
    expect(isKeyKeptBy('dialog', 'r')).toBe(true);
    expect(isKeyKeptBy(null, ' ')).toBe(false);
  });

  it('the help says Space resets the view only when no button has focus, and nothing more for other keys', () => {
    const space = shortcutOf(' ');
    if (!space) throw new Error('no Space shortcut');
    expect(shortcutCondition(space)).toBe('not while a button, link or checkbox has focus: Space presses it');
    expect(ct.filter((shortcut) => shortcutCondition(shortcut) !== null)).toEqual([space]);
    expect(shortcutsOffNote()).toMatch(/^No key is a shortcut while a dialog is open or a text field/);
  });
});
