/**
 * Where an Encapsulated Document's bytes are (PS3.3 C.24.2): its metadata gives the MIME type, a
 * title, and the document either inline (base64) or as a BulkDataURI to fetch.
 */
import {
  DicomTag,
  dicomBulkDataUri,
  dicomInlineBinary,
  dicomString,
  type DicomJsonInstance,
} from './dicom-json';

export interface EncapsulatedDocument {
  mimeType: string | null;
  title: string | null;
  /** Base64 of the document when the metadata carries it inline. */
  inline: string | null;
  /** Where to fetch it otherwise. */
  bulkDataUri: string | null;
}

export function encapsulatedDocumentOf(instance: DicomJsonInstance): EncapsulatedDocument {
  return {
    mimeType: dicomString(instance, DicomTag.MimeTypeOfEncapsulatedDocument),
    title: dicomString(instance, DicomTag.DocumentTitle),
    inline: dicomInlineBinary(instance, DicomTag.EncapsulatedDocument),
    bulkDataUri: dicomBulkDataUri(instance, DicomTag.EncapsulatedDocument),
  };
}

/** A PDF starts with "%PDF-": checked before the bytes are shown as one (a PACS may send anything). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
  // A few bytes of padding before the header are allowed by readers; search the first kilobyte.
  const limit = Math.min(bytes.length - magic.length, 1024);
  for (let start = 0; start <= limit; start += 1) {
    if (magic.every((byte, index) => bytes[start + index] === byte)) return true;
  }
  return false;
}
