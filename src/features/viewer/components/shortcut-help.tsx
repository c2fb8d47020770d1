import { useEffect, type ReactNode } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';
import {
  keyLabel,
  shortcutCondition,
  shortcutsOffNote,
  type Shortcut,
} from '@/domain/imaging/viewer-shortcuts';

/**
 * Every shortcut, from the same list the key handler uses, and when a focused control keeps a key for
 * itself, from the same table (`KEYS_KEPT_BY`), so the two cannot disagree. A modal dialog:
 * focus moves to it and back to the opener (the ? button) when it closes.
 */
export function ShortcutHelp({
  shortcuts,
  onClose,
}: {
  shortcuts: readonly Shortcut[];
  onClose: () => void;
}) {
  // "?" shows and hides the list: while it is open the viewer's keys are off, so the dialog hears it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const firstTool = shortcuts.findIndex((shortcut) => shortcut.command.type === 'tool');
  const split = firstTool === -1 ? shortcuts.length : firstTool;

  return (
    <ModalDialog labelledBy="shortcut-help-title" onClose={onClose} testId="shortcut-help">
      <div className="max-h-[90vh] overflow-y-auto p-4 text-sm">
        <h2 id="shortcut-help-title" className="mb-2 font-semibold">
          Keyboard shortcuts
        </h2>
        {/* Two tables side by side: in one column the list outgrew a laptop screen, and a dialog that
            scrolls takes focus on its scroller instead of its Close button. */}
        <div className="flex flex-wrap items-start gap-x-8">
          <ShortcutTable caption="Images and view" shortcuts={shortcuts.slice(0, split)} />
          <ShortcutTable caption="Tools, mouse and touch" shortcuts={shortcuts.slice(split)}>
            <tr>
              <td className="pr-4 font-mono text-sky-300">Mouse</td>
              <td>left: tool (W/L) · middle: pan · right: zoom · wheel: images</td>
            </tr>
            <tr>
              <td className="pr-4 font-mono text-sky-300">Touch</td>
              <td>one finger: tool · pinch: zoom</td>
            </tr>
          </ShortcutTable>
        </div>
        <p className="mt-2 max-w-md text-xs text-slate-400" data-testid="shortcuts-off-note">
          {shortcutsOffNote()}
        </p>
        <button
          type="button"
          onClick={onClose}
          className="mt-3 min-h-6 rounded border border-slate-600 px-3 py-1 hover:bg-slate-800"
        >
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

function ShortcutTable({
  caption,
  shortcuts,
  children,
}: {
  caption: string;
  shortcuts: readonly Shortcut[];
  children?: ReactNode;
}) {
  return (
    <table>
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {shortcuts.map((shortcut) => (
          <tr key={shortcut.label} data-testid="shortcut-row">
            <td className="pr-4 align-top font-mono text-sky-300">
              {shortcut.keys.map(keyLabel).filter(unique).join(' / ')}
            </td>
            <td>
              {shortcut.label}
              {shortcutCondition(shortcut) && (
                <span className="block max-w-xs text-xs text-slate-400" data-testid="shortcut-condition">
                  {shortcutCondition(shortcut)}
                </span>
              )}
            </td>
          </tr>
        ))}
        {children}
      </tbody>
    </table>
  );
}

function unique(value: string, index: number, list: readonly string[]): boolean {
  return list.findIndex((other) => other.toLowerCase() === value.toLowerCase()) === index;
}
