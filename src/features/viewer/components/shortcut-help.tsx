import { keyLabel, type Shortcut } from '@/domain/imaging/viewer-shortcuts';

/** Every shortcut, from the same list the key handler uses, so the two cannot disagree. */
export function ShortcutHelp({
  shortcuts,
  onClose,
}: {
  shortcuts: readonly Shortcut[];
  onClose: () => void;
}) {
  return (
    <div data-testid="shortcut-help" className="absolute inset-0 z-20 flex items-center justify-center">
      {/* A click beside the list closes it, as before; keyboard users have Escape and the Close button. */}
      <button
        type="button"
        tabIndex={-1}
        aria-label="Close keyboard shortcuts"
        className="absolute inset-0 cursor-default bg-black/70"
        onClick={onClose}
      />
      <div
        role="dialog"
        aria-label="Keyboard shortcuts"
        className="relative max-h-[90%] overflow-y-auto rounded border border-slate-600 bg-slate-900 p-4 text-sm"
      >
        <h2 className="mb-2 font-semibold">Keyboard and mouse</h2>
        <table>
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
          className="mt-3 rounded border border-slate-600 px-3 py-1 hover:bg-slate-800"
        >
          Close
        </button>
      </div>
    </div>
  );
}

function unique(value: string, index: number, list: readonly string[]): boolean {
  return list.findIndex((other) => other.toLowerCase() === value.toLowerCase()) === index;
}
