import { describe, expect, it, vi } from 'vitest';
import { decodeUtf8 } from '@/domain/text/base64';
import { getReportAttachment } from './get-report-attachment';

const FHIR = 'https://ehr.example.org/fhir';
const form = (extra: { data?: string; url?: string }) => ({
  contentType: 'text/plain',
  title: null,
  data: extra.data ?? null,
  url: extra.url ?? null,
});

describe('getReportAttachment', () => {
  it('decodes inline data without a request', async () => {
    const fhirGet = vi.fn();
    const content = await getReportAttachment({ fhirGet, fhirBaseUrl: FHIR }, form({ data: 'SGk=' }));
    expect(decodeUtf8(content.bytes)).toBe('Hi');
    expect(fhirGet).not.toHaveBeenCalled();
  });

  it('reads a Binary on the FHIR server, through the session', async () => {
    const fhirGet = vi.fn(() =>
      Promise.resolve({ resourceType: 'Binary', contentType: 'text/plain', data: 'QWRkZW5kdW0=' }),
    );
    const content = await getReportAttachment({ fhirGet, fhirBaseUrl: FHIR }, form({ url: 'Binary/b1' }));
    expect(decodeUtf8(content.bytes)).toBe('Addendum');
    expect(fhirGet).toHaveBeenCalledWith(`${FHIR}/Binary/b1`, undefined);
  });

  it('never asks another server', async () => {
    const fhirGet = vi.fn();
    await expect(
      getReportAttachment(
        { fhirGet, fhirBaseUrl: FHIR },
        form({ url: 'https://evil.example/fhir/Binary/b1' }),
      ),
    ).rejects.toThrow(/outside the FHIR server/);
    expect(fhirGet).not.toHaveBeenCalled();
  });
});
