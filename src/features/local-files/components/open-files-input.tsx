import { useRef, useState } from 'react';
import { pickedFilesOfDrop, pickedFilesOfInput } from '../picked-files';
import type { PickedFile } from '../use-local-files';

const BUTTON = 'rounded bg-sky-700 px-3 py-1.5 text-sm text-white hover:bg-sky-600 disabled:opacity-60';

/** "Open files", "Open folder" and a drop zone for either: the files stay on this computer. */
export function OpenFilesInput({ onOpen, busy }: { onOpen: (files: PickedFile[]) => void; busy: boolean }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  return (
    <div
      className={`rounded border-2 border-dashed p-4 ${dragging ? 'border-sky-400 bg-slate-800' : 'border-slate-600'}`}
      data-testid="local-files-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        setDropError(null);
        pickedFilesOfDrop(event.dataTransfer).then(onOpen, (cause: unknown) =>
          setDropError(`The dropped files could not be read: ${String(cause)}`),
        );
      }}
    >
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={BUTTON} disabled={busy} onClick={() => files.current?.click()}>
          Open files
        </button>
        <button type="button" className={BUTTON} disabled={busy} onClick={() => folder.current?.click()}>
          Open folder
        </button>
        <span className="text-sm text-slate-400">
          or drop files or a folder here. They are read in this browser and never uploaded.
        </span>
      </div>
      <input
        ref={files}
        type="file"
        multiple
        hidden
        data-testid="local-files-input"
        onChange={(event) => {
          onOpen(pickedFilesOfInput(event.currentTarget.files));
          event.currentTarget.value = '';
        }}
      />
      <input
        ref={folder}
        type="file"
        hidden
        data-testid="local-folder-input"
        // React has no typed prop for it: the attribute that makes the picker choose a folder.
        {...{ webkitdirectory: '' }}
        onChange={(event) => {
          onOpen(pickedFilesOfInput(event.currentTarget.files));
          event.currentTarget.value = '';
        }}
      />
      {dropError && (
        <p role="alert" className="mt-2 text-sm text-amber-300">
          {dropError}
        </p>
      )}
    </div>
  );
}
