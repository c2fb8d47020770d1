import { utilities as metadataUtilities } from '@cornerstonejs/metadata';
import type { ImageSource } from '@/domain/imaging/image-source';
import { storedTransferSyntaxOf } from '@/domain/imaging/lossy-image';
import { withValidWindowsOnly } from '@/domain/imaging/voi-window';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { rememberStoredTransferSyntax } from './frame-transfer-syntax';
import { inlineNeededBulkData } from './inline-bulk-data';

const registeredImageIds = new Map<string, Promise<void>>();

/**
 * Tells Cornerstone's metadata providers what each image id is before it is loaded. Cornerstone keeps
 * the first registration of an instance and ignores later ones, so what it needs inline (palette
 * colour tables) is fetched before that first registration, whoever makes it.
 */
export async function registerDicomWebMetadata(
  entries: readonly ImageSource[],
  authorizationFor: AuthorizationProvider,
): Promise<void> {
  await Promise.all(entries.map((entry) => registerOnce(entry, authorizationFor)));
}

function registerOnce(entry: ImageSource, authorizationFor: AuthorizationProvider): Promise<void> {
  // A WADO-URI image's metadata is its file's, registered when the loader fetches it: what FHIR said
  // of it (all the stack has before) must not take the file's place.
  if (entry.imageId.startsWith('wadouri:')) return Promise.resolve();
  // Thumbnails, viewports and prefetch all register the same entries: once is enough.
  let pending = registeredImageIds.get(entry.imageId);
  if (!pending) {
    pending = register(entry, authorizationFor);
    registeredImageIds.set(entry.imageId, pending);
  }
  return pending;
}

async function register(
  { imageId, seriesKey, metadata: raw }: ImageSource,
  authorizationFor: AuthorizationProvider,
) {
  // Without its colour table the image fails to decode and says so; the rest still registers.
  const [metadata = raw] = await inlineNeededBulkData([raw], authorizationFor).catch(() => [raw]);
  rememberStoredTransferSyntax(imageId, seriesKey, storedTransferSyntaxOf(metadata));
  // Cornerstone takes the first window as given: a width of 0 or below would draw a threshold or an
  // inverted image, and a W/L drag from it would start inverted. Invalid windows never reach it.
  void metadataUtilities.addDicomWebInstance(imageId, { ...withValidWindowsOnly(metadata) });
}
