import { useEffect } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { keyLabel, type Shortcut } from '@/domain/imaging/viewer-shortcuts';

/**
 * Every shortcut, from the same list the key handler uses, so the two cannot disagree. A modal dialog:
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

  return (
    <ModalDialog labelledBy="shortcut-help-title" onClose={onClose} testId="shortcut-help">
      <div className="max-h-[90vh] overflow-y-auto p-4 text-sm">
        <h2 id="shortcut-help-title" className="mb-2 font-semibold">
          Keyboard shortcuts
        </h2>
        <table>
          <caption className="sr-only">Keyboard and mouse</caption>
          <tbody>
            {shortcuts.map((shortcut) => (
              <tr key={shortcut.label} data-testid="shortcut-row">
                <td className="pr-4 font-mono text-sky-300">
                  {shortcut.keys.map(keyLabel).filter(unique).join(' / ')}
                </td>
                <td>{shortcut.label}</td>
              </tr>
            ))}
            <tr>
              <td className="pr-4 font-mono text-sky-300">Mouse</td>
              <td>left: tool (W/L) · middle: pan · right: zoom · wheel: images</td>
            </tr>
            <tr>
              <td className="pr-4 font-mono text-sky-300">Touch</td>
              <td>one finger: tool · pinch: zoom</td>
            </tr>
          </tbody>
        </table>
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

function unique(value: string, index: number, list: readonly string[]): boolean {
  return list.findIndex((other) => other.toLowerCase() === value.toLowerCase()) === index;
}
