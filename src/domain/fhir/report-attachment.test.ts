import { describe, expect, it } from 'vitest';
import {
  attachmentKindOf,
  attachmentUrlOnFhirServer,
  unfetchableAttachmentReason,
} from './report-attachment';

const FHIR = 'https://ehr.example.org/fhir';

describe('attachmentUrlOnFhirServer', () => {
  it.each([
    ['Binary/b1', `${FHIR}/Binary/b1`],
    [`${FHIR}/Binary/b1`, `${FHIR}/Binary/b1`],
    ['https://evil.example/fhir/Binary/b1', null],
    ['https://ehr.example.org/other/Binary/b1', null],
    ['//evil.example/Binary/b1', null],
    ['/\\evil.example/Binary', null],
    ['javascript:alert(1)', null],
    ['https://user:pw@ehr.example.org/fhir/Binary/b1', null],
    ['../admin', null],
  ])('%s → %s', (url, expected) => {
    expect(attachmentUrlOnFhirServer(url, FHIR)).toBe(expected);
  });
});

describe('attachmentKindOf', () => {
  it('knows text, HTML and PDF, with parameters and any case', () => {
    expect(attachmentKindOf('text/plain; charset=utf-8')).toBe('text');
    expect(attachmentKindOf('TEXT/HTML')).toBe('html');
    expect(attachmentKindOf('application/pdf')).toBe('pdf');
    expect(attachmentKindOf('image/png')).toBe('unsupported');
    expect(attachmentKindOf(null)).toBe('unsupported');
  });
});

describe('unfetchableAttachmentReason', () => {
  it('says why an attachment elsewhere is not fetched', () => {
    const form = { contentType: 'text/plain', title: null, data: null, url: 'https://cdn.example/r.txt' };
    expect(unfetchableAttachmentReason(form, FHIR)).toMatch(/outside the FHIR server/);
    expect(unfetchableAttachmentReason({ ...form, url: 'Binary/x' }, FHIR)).toBeNull();
    expect(unfetchableAttachmentReason({ ...form, url: null }, FHIR)).toMatch(/no content/);
  });
});
