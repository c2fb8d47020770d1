import { describe, expect, it } from 'vitest';
import { checkEndpointUsability } from './endpoint-usability';

const endpoint = (fields: Record<string, unknown>) => ({
  resourceType: 'Endpoint',
  address: 'https://pacs.example/dicom-web/',
  ...fields,
});

describe('checkEndpointUsability', () => {
  it.each([['active'], ['test'], [undefined]])('uses status %s, trimming trailing slashes', (status) => {
    expect(checkEndpointUsability(endpoint({ status }), 'e')).toEqual({
      ok: true,
      address: 'https://pacs.example/dicom-web',
    });
  });

  it.each([
    ['suspended', 'Endpoint "e" is suspended.'],
    ['error', 'Endpoint "e" is in error.'],
    ['off', 'Endpoint "e" is off.'],
    ['entered-in-error', 'Endpoint "e" was entered in error.'],
    ['retired', 'Endpoint "e" has unknown status "retired".'],
    ['constructor', 'Endpoint "e" has unknown status "constructor".'],
    [null, 'Endpoint "e" has unknown status null.'],
  ])('skips status %j', (status, error) => {
    expect(checkEndpointUsability(endpoint({ status }), 'e')).toEqual({ ok: false, error });
  });

  it('explains an unusable address, quoting it', () => {
    expect(checkEndpointUsability(endpoint({ address: 'https://pacs.example/wado?x=1' }), 'e')).toEqual({
      ok: false,
      error:
        'Endpoint "e" address "https://pacs.example/wado?x=1" is not usable: it has a query ("?…"), which a DICOMweb base URL must not have.',
    });
    expect(checkEndpointUsability(endpoint({ address: undefined }), 'e')).toEqual({
      ok: false,
      error: 'Endpoint "e" has no address.',
    });
  });
});
