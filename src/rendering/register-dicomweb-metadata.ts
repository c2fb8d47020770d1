import { utilities as metadataUtilities } from '@cornerstonejs/metadata';
import { DicomTag, dicomString } from '@/domain/imaging/dicom-json';
import { storedTransferSyntaxOf } from '@/domain/imaging/lossy-image';
import { rememberStoredTransferSyntax } from './frame-transfer-syntax';
import type { AuthorizationProvider } from './init-rendering';
import { inlineNeededBulkData } from './inline-bulk-data';

export interface InstanceMetadataEntry {
  imageId: string;
  /** The instance's DICOM JSON from WADO-RS `/metadata`. */
  metadata: Readonly<Record<string, unknown>>;
}

const registeredImageIds = new Map<string, Promise<void>>();

/**
 * Tells Cornerstone's metadata providers what each image id is before it is loaded. Cornerstone keeps
 * the first registration of an instance and ignores later ones, so what it needs inline (palette
 * colour tables) is fetched before that first registration, whoever makes it.
 */
export async function registerDicomWebMetadata(
  entries: readonly InstanceMetadataEntry[],
  authorizationFor: AuthorizationProvider,
): Promise<void> {
  await Promise.all(entries.map((entry) => registerOnce(entry, authorizationFor)));
}

function registerOnce(entry: InstanceMetadataEntry, authorizationFor: AuthorizationProvider): Promise<void> {
  // Thumbnails, viewports and prefetch all register the same entries: once is enough.
  let pending = registeredImageIds.get(entry.imageId);
  if (!pending) {
    pending = register(entry, authorizationFor);
    registeredImageIds.set(entry.imageId, pending);
  }
  return pending;
}

async function register(
  { imageId, metadata: raw }: InstanceMetadataEntry,
  authorizationFor: AuthorizationProvider,
) {
  // Without its colour table the image fails to decode and says so; the rest still registers.
  const [metadata = raw] = await inlineNeededBulkData([raw], authorizationFor).catch(() => [raw]);
  rememberStoredTransferSyntax(
    imageId,
    dicomString(metadata, DicomTag.SeriesInstanceUid),
    storedTransferSyntaxOf(metadata),
  );
  void metadataUtilities.addDicomWebInstance(imageId, { ...metadata });
}
