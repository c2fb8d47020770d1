import { describe, expect, it } from 'vitest';
import { encapsulatedDocumentOf, looksLikePdf } from './encapsulated-document';
import { text } from './testing/dicom-json-builders';

describe('encapsulatedDocumentOf', () => {
  it('finds the MIME type, the title and where the bytes are', () => {
    expect(
      encapsulatedDocumentOf({
        '00420010': text('ST', 'Scanned request'),
        '00420011': { vr: 'OB', BulkDataURI: 'https://pacs.example/bulk/1' },
        '00420012': text('LO', 'application/pdf'),
      }),
    ).toEqual({
      mimeType: 'application/pdf',
      title: 'Scanned request',
      inline: null,
      bulkDataUri: 'https://pacs.example/bulk/1',
    });
    expect(encapsulatedDocumentOf({ '00420011': { vr: 'OB', InlineBinary: 'JVBERi0=' } }).inline).toBe(
      'JVBERi0=',
    );
  });
});

describe('looksLikePdf', () => {
  it('accepts a PDF header near the start and refuses anything else', () => {
    const bytes = (value: string) => new TextEncoder().encode(value);
    expect(looksLikePdf(bytes('%PDF-1.4\n'))).toBe(true);
    expect(looksLikePdf(bytes('\n\n%PDF-1.7'))).toBe(true);
    expect(looksLikePdf(bytes('<html><script>'))).toBe(false);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
  });
});
