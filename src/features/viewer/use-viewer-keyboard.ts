import { useEffect, useEffectEvent } from 'react';
import {
  commandForKey,
  isKeyKeptBy,
  type FocusedControl,
  type Shortcut,
} from '@/domain/imaging/viewer-shortcuts';
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

/** What kind of control the element is, for the keys it keeps (`KEYS_KEPT_BY`); null when none. */
export function focusedControlOf(target: EventTarget | null): FocusedControl | null {
  if (!(target instanceof Element)) return null;
  if (target.closest('dialog')) return 'dialog';
  if (target instanceof HTMLElement && target.isContentEditable) return 'typed-into';
  const role = target.getAttribute('role');
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return 'typed-into';
  if (target instanceof HTMLInputElement && !PRESSED_INPUTS.has(target.type)) return 'typed-into';
  if (role !== null && COMPOSITE_ROLES.has(role)) return 'typed-into';
  const pressable =
    target instanceof HTMLButtonElement ||
    target instanceof HTMLInputElement ||
    target.tagName === 'SUMMARY' ||
    (target instanceof HTMLAnchorElement && target.hasAttribute('href')) ||
    (role !== null && PRESSABLE_ROLES.has(role));
  return pressable ? 'pressed' : null;
}

/**
 * Whether the focused element keeps this key, so it must not become a viewer shortcut (the rules, and
 * the words the shortcut help says them in: `KEYS_KEPT_BY`). Space on a focused button must press the
 * button, never reset the viewer.
 */
export function isKeyForControl(target: EventTarget | null, key: string): boolean {
  return isKeyKeptBy(focusedControlOf(target), key);
}
