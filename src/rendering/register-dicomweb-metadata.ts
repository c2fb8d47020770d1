import { utilities as metadataUtilities } from '@cornerstonejs/metadata';

export interface InstanceMetadataEntry {
  imageId: string;
  /** The instance's DICOM JSON from WADO-RS `/metadata`. */
  metadata: Readonly<Record<string, unknown>>;
}

/** Tells Cornerstone's metadata providers what each image id is before it is loaded. */
export function registerDicomWebMetadata(entries: readonly InstanceMetadataEntry[]): void {
  for (const { imageId, metadata } of entries) {
    void metadataUtilities.addDicomWebInstance(imageId, { ...metadata });
  }
}
