import type { PickedFile } from './use-local-files';

/** Files of an `<input type="file">`: with `webkitdirectory` each knows its path in the folder. */
export function pickedFilesOfInput(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/**
 * Files dropped on the page, folders walked (File and Directory Entries API, the only way a drop
 * reveals a folder's content): every file with its path from what was dropped.
 */
export async function pickedFilesOfDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...transfer.items].flatMap((item) => {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry() : null;
    return entry ? [entry] : [];
  });
  if (entries.length === 0) return pickedFilesOfInput(transfer.files);
  const found: PickedFile[] = [];
  for (const entry of entries) await walk(entry, '', found);
  return found;
}

async function walk(entry: FileSystemEntry, parent: string, found: PickedFile[]): Promise<void> {
  const path = parent ? `${parent}/${entry.name}` : entry.name;
  if (isFile(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    found.push({ file, path });
    return;
  }
  if (!isDirectory(entry)) return;
  const reader = entry.createReader();
  // readEntries answers in chunks (100 in Chromium) until it answers none.
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (chunk.length === 0) break;
    for (const child of chunk) await walk(child, path, found);
  }
}

const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;
const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory;
