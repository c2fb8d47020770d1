import type { WindowPreset } from './window-presets';

export type ViewerCommand =
  | { type: 'image'; delta: number }
  | { type: 'image-edge'; edge: 'first' | 'last' }
  | { type: 'series'; delta: number }
  | { type: 'preset'; presetId: string }
  | { type: 'invert' }
  | { type: 'rotate'; degrees: 90 | -90 }
  | { type: 'flip'; axis: 'horizontal' | 'vertical' }
  | { type: 'reset' }
  | { type: 'fit' }
  | { type: 'cine' }
  | { type: 'tool'; tool: ViewerTool }
  | { type: 'delete-measurement' }
  | { type: 'help' };

/** What a left drag does. */
export type ViewerTool = 'window-level' | 'pan' | 'zoom' | 'length' | 'angle' | 'ellipse' | 'rectangle';

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it (the first is the one shown). */
  keys: readonly string[];
  label: string;
  command: ViewerCommand;
}

/**
 * Every shortcut, in the order the help overlay lists them. OHIF's keys where it has one (space
 * resets, i inverts, r/l rotate, h/v flip), PACS habits otherwise (arrows step images, page keys step
 * series, digits apply presets).
 */
export function viewerShortcuts(presets: readonly WindowPreset[]): Shortcut[] {
  return [
    { keys: ['ArrowDown'], label: 'Next image', command: { type: 'image', delta: 1 } },
    { keys: ['ArrowUp'], label: 'Previous image', command: { type: 'image', delta: -1 } },
    { keys: ['Home'], label: 'First image', command: { type: 'image-edge', edge: 'first' } },
    { keys: ['End'], label: 'Last image', command: { type: 'image-edge', edge: 'last' } },
    { keys: ['PageDown'], label: 'Next series', command: { type: 'series', delta: 1 } },
    { keys: ['PageUp'], label: 'Previous series', command: { type: 'series', delta: -1 } },
    ...presets.map((preset): Shortcut => ({
      keys: [preset.key],
      label: `${preset.label} window (W ${preset.width} L ${preset.center})`,
      command: { type: 'preset', presetId: preset.id },
    })),
    { keys: ['i', 'I'], label: 'Invert', command: { type: 'invert' } },
    { keys: ['r', 'R'], label: 'Rotate right', command: { type: 'rotate', degrees: 90 } },
    { keys: ['l', 'L'], label: 'Rotate left', command: { type: 'rotate', degrees: -90 } },
    { keys: ['h', 'H'], label: 'Flip horizontally', command: { type: 'flip', axis: 'horizontal' } },
    { keys: ['v', 'V'], label: 'Flip vertically', command: { type: 'flip', axis: 'vertical' } },
    { keys: [' '], label: 'Reset view', command: { type: 'reset' } },
    { keys: ['f', 'F'], label: 'Fit to window', command: { type: 'fit' } },
    { keys: ['c', 'C'], label: 'Play / stop cine', command: { type: 'cine' } },
    { keys: ['w', 'W'], label: 'Tool: window/level', command: { type: 'tool', tool: 'window-level' } },
    { keys: ['p', 'P'], label: 'Tool: pan', command: { type: 'tool', tool: 'pan' } },
    { keys: ['z', 'Z'], label: 'Tool: zoom', command: { type: 'tool', tool: 'zoom' } },
    { keys: ['d', 'D'], label: 'Tool: length', command: { type: 'tool', tool: 'length' } },
    { keys: ['a', 'A'], label: 'Tool: angle', command: { type: 'tool', tool: 'angle' } },
    { keys: ['e', 'E'], label: 'Tool: ellipse ROI', command: { type: 'tool', tool: 'ellipse' } },
    { keys: ['b', 'B'], label: 'Tool: rectangle ROI', command: { type: 'tool', tool: 'rectangle' } },
    {
      keys: ['Delete', 'Backspace'],
      label: 'Delete the selected measurement',
      command: { type: 'delete-measurement' },
    },
    { keys: ['?'], label: 'Show / hide this list (Esc closes it too)', command: { type: 'help' } },
  ];
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** What the element a key is pressed on is, as far as the viewer's keys go (see use-viewer-keyboard.ts). */
export type FocusedControl = 'dialog' | 'typed-into' | 'pressed';

/**
 * The keys a focused control keeps for itself, so that they are no shortcut while it has focus, and
 * the words the help says it in: the handler and the help read this one table.
 * - a modal dialog keeps every key (the viewer behind it is inert);
 * - what is typed into (fields, selects) and composite widgets (sliders, lists, menus, tabs) keep
 *   every key, by their WAI-ARIA keyboard patterns;
 * - a button, link, checkbox or summary keeps Space and Enter (they press it) and leaves the rest to
 *   the viewer, so the arrows still step images after a toolbar button was pressed.
 */
export const KEYS_KEPT_BY: Readonly<
  Record<FocusedControl, { keys: readonly string[] | 'every key'; whileFocused: string; instead: string }>
> = {
  dialog: { keys: 'every key', whileFocused: 'a dialog is open', instead: 'is the dialog’s' },
  'typed-into': {
    keys: 'every key',
    whileFocused: 'a text field, list, slider or menu has focus',
    instead: 'is typed or moves it',
  },
  pressed: {
    keys: [' ', 'Enter'],
    whileFocused: 'a button, link or checkbox has focus',
    instead: 'presses it',
  },
};

/** Modified keys belong to the browser and the EHR. */
export const MODIFIED_KEYS_NOTE = 'Keys held with Ctrl, Alt or ⌘ are left to the browser.';

/** Whether a control with focus keeps this key for itself (then it is no viewer shortcut). */
export function isKeyKeptBy(control: FocusedControl | null, key: string): boolean {
  if (control === null) return false;
  const { keys } = KEYS_KEPT_BY[control];
  return keys === 'every key' || keys.includes(key);
}

/**
 * When a shortcut does not apply although the viewer's keys are on, in words for the help ("not while a
 * button, link or checkbox has focus: Space presses it"); null when it always does.
 */
export function shortcutCondition(shortcut: Shortcut): string | null {
  const words = Object.values(KEYS_KEPT_BY).flatMap(({ keys, whileFocused, instead }) => {
    const kept = keys === 'every key' ? [] : shortcut.keys.filter((key) => keys.includes(key));
    return kept.length === 0
      ? []
      : [`not while ${whileFocused}: ${kept.map(keyLabel).join(' / ')} ${instead}`];
  });
  return words.length === 0 ? null : words.join('; ');
}

/** The keys off everywhere while some control has focus, in words for the foot of the help. */
export function shortcutsOffNote(): string {
  const everywhere = Object.values(KEYS_KEPT_BY)
    .filter(({ keys }) => keys === 'every key')
    .map((keeper) => keeper.whileFocused);
  return `No key is a shortcut while ${everywhere.join(' or ')}. ${MODIFIED_KEYS_NOTE}`;
}

/** The command a key press means, or null (modified keys belong to the browser and the EHR). */
export function commandForKey(shortcuts: readonly Shortcut[], press: KeyPress): ViewerCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  return shortcuts.find((shortcut) => shortcut.keys.includes(press.key))?.command ?? null;
}

/** How a key is written in the help overlay. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = {
    ArrowDown: '↓',
    ArrowUp: '↑',
    PageDown: 'PgDn',
    PageUp: 'PgUp',
    ' ': 'Space',
    Delete: 'Del',
  };
  return names[key] ?? key;
}
