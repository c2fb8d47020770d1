import { describe, expect, it } from 'vitest';
import { parseDicomWebBaseUrl } from './dicomweb-base-url';

describe('parseDicomWebBaseUrl', () => {
  it.each([
    ['https://pacs.hospital.org/wado-rs', 'https://pacs.hospital.org/wado-rs'],
    ['http://example.com/wado', 'http://example.com/wado'],
    ['https://pacs.hospital.org/dicomweb/', 'https://pacs.hospital.org/dicomweb'],
    ['https://pacs.hospital.org/dicomweb///', 'https://pacs.hospital.org/dicomweb'],
    ['https://pacs.hospital.org/', 'https://pacs.hospital.org'],
    ['http://127.0.0.1:8042/dicom-web', 'http://127.0.0.1:8042/dicom-web'],
    ['http://[::1]:8042/dicom-web', 'http://[::1]:8042/dicom-web'],
    ['https://example.org/path/to/wado-rs-endpoint', 'https://example.org/path/to/wado-rs-endpoint'],
    ['https://example.org/a%20b', 'https://example.org/a%20b'],
  ])('accepts %s as %s', (raw, expected) => {
    expect(parseDicomWebBaseUrl(raw)).toEqual({ ok: true, url: expected });
  });

  it.each([
    [undefined, 'it is missing'],
    [42, 'it is missing'],
    ['', 'it is empty'],
    ['pacs.hospital.org/wado-rs', 'it is not an absolute http or https URL'],
    ['/wado-rs', 'it is not an absolute http or https URL'],
    ['ftp://pacs.hospital.org/wado', 'it is not an absolute http or https URL'],
    ['mailto:subscriptions@example.org', 'it is not an absolute http or https URL'],
    ['127.0.0.1', 'it is not an absolute http or https URL'],
    [
      'https://example-datastandardswales.cymru.nhs.uk/launch?DicomRepository=DicomExample&amp;AccessionNumber={}',
      'it has a query ("?…"), which a DICOMweb base URL must not have',
    ],
    ['https://pacs.example/wado?', 'it has a query ("?…"), which a DICOMweb base URL must not have'],
    ['https://pacs.example/wado#top', 'it has a fragment ("#…"), which a DICOMweb base URL must not have'],
    ['https://user:secret@pacs.example/wado', 'it contains user credentials ("@")'],
    ['https://pacs.example/wado rs', 'it contains characters that are not allowed in a URL'],
    ['https://pacs.example/wado\\rs', 'it contains characters that are not allowed in a URL'],
    ['https://pacs.example/wadö', 'it contains characters that are not allowed in a URL'],
    ['https://pacs.example/{}', 'it contains characters that are not allowed in a URL'],
    ['https://pacs.example/../wado', 'it contains ".."'],
    ['https://pacs.example/a..b', 'it contains ".."'],
    ['https://pacs.example/./wado', 'it has a "." or ".." path segment'],
    ['https://pacs.example/%2e%2e/wado', 'it has a "." or ".." path segment'],
    ['https://pacs.example/%zz', 'it has malformed percent-encoding'],
    ['https://pacs.example//wado', 'it has an empty path segment ("//")'],
    ['https:///wado', 'it has no host'],
    ['https://', 'it has no host'],
    ['https://pacs.example:99999/wado', 'it is not a valid URL'],
  ])('rejects %j: %s', (raw, reason) => {
    expect(parseDicomWebBaseUrl(raw)).toEqual({ ok: false, reason });
  });

  it('keeps the address as written rather than normalising it', () => {
    // The URL class would lowercase the host and add a slash; servers may compare addresses verbatim.
    expect(parseDicomWebBaseUrl('HTTPS://PACS.Example/WADO')).toEqual({
      ok: true,
      url: 'HTTPS://PACS.Example/WADO',
    });
  });
});
