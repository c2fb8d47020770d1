import { useEffect, useEffectEvent } from 'react';
import { commandForKey, type Shortcut } from '@/domain/imaging/viewer-shortcuts';
import type { CommandBus } from './model/command-bus';

interface ViewerKeyboardOptions {
  bus: CommandBus;
  shortcuts: readonly Shortcut[];
}

/**
 * Keys pressed anywhere on the page become commands on the bus, unless the focused control uses the
 * key itself (see `isKeyForControl`). One listener for the screen's lifetime: it reads the latest
 * shortcuts when a key arrives, so a re-render (a new preset list) does not re-add it. Dialogs (the
 * shortcut help) handle their own keys: Escape closes them natively.
 */
export function useViewerKeyboard({ bus, shortcuts }: ViewerKeyboardOptions): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    // A modal dialog (shortcut help, session ended) makes the viewer inert: even a key pressed with
    // focus on the page itself (Tab can leave the dialog for the browser's own controls) is not for it.
    if (document.querySelector('dialog[open]') || isKeyForControl(event.target, event.key)) return;
    const command = commandForKey(shortcuts, event);
    if (!command) return;
    event.preventDefault();
    bus.dispatch(command);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** Inputs that are pressed, not typed into: Space toggles or presses them. */
const PRESSED_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'color', 'file']);
/** Roles whose keyboard pattern (WAI-ARIA) takes the arrows, Home/End and Space as well. */
const COMPOSITE_ROLES = new Set([
  'slider',
  'spinbutton',
  'listbox',
  'option',
  'radio',
  'radiogroup',
  'tab',
  'tablist',
  'menu',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'grid',
  'gridcell',
  'tree',
  'treeitem',
  'combobox',
  'textbox',
  'searchbox',
]);
const PRESSABLE_ROLES = new Set(['button', 'link', 'checkbox', 'switch']);

/**
 * Whether the focused element owns this key, so it must not become a viewer shortcut:
 * - anything typed into (text fields, number boxes, selects, contenteditable) and composite widgets
 *   own every key;
 * - a button, link, summary or checkbox owns Space and Enter (they press it: Space on a focused
 *   button must press the button, never reset the viewer), and leaves the other keys to the viewer,
 *   so the arrows still step images after a toolbar button was pressed;
 * - inside a dialog, every key belongs to the dialog (the viewer behind is inert).
 */
export function isKeyForControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('dialog')) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  const role = target.getAttribute('role');
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement && !PRESSED_INPUTS.has(target.type)) return true;
  if (role !== null && COMPOSITE_ROLES.has(role)) return true;
  const pressable =
    target instanceof HTMLButtonElement ||
    target instanceof HTMLInputElement ||
    target.tagName === 'SUMMARY' ||
    (target instanceof HTMLAnchorElement && target.hasAttribute('href')) ||
    (role !== null && PRESSABLE_ROLES.has(role));
  return pressable && (key === ' ' || key === 'Enter');
}
