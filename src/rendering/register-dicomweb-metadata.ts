import { utilities as metadataUtilities } from '@cornerstonejs/metadata';
import { DicomTag, dicomString } from '@/domain/imaging/dicom-json';
import { storedTransferSyntaxOf } from '@/domain/imaging/lossy-image';
import { rememberStoredTransferSyntax } from './frame-transfer-syntax';

export interface InstanceMetadataEntry {
  imageId: string;
  /** The instance's DICOM JSON from WADO-RS `/metadata`. */
  metadata: Readonly<Record<string, unknown>>;
}

const registered = new WeakSet<Readonly<Record<string, unknown>>>();
const registeredImageIds = new Set<string>();

/** Tells Cornerstone's metadata providers what each image id is before it is loaded. */
export function registerDicomWebMetadata(entries: readonly InstanceMetadataEntry[]): void {
  for (const { imageId, metadata } of entries) {
    // Thumbnails, viewports and prefetch all register the same entries: once is enough.
    if (registered.has(metadata) && registeredImageIds.has(imageId)) continue;
    registered.add(metadata);
    registeredImageIds.add(imageId);
    rememberStoredTransferSyntax(
      imageId,
      dicomString(metadata, DicomTag.SeriesInstanceUid),
      storedTransferSyntaxOf(metadata),
    );
    void metadataUtilities.addDicomWebInstance(imageId, { ...metadata });
  }
}
