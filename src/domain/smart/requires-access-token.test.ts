import { describe, expect, it } from 'vitest';
import { createResourcePool } from '../fhir/resource-pool';
import { readImagingStudies, readStudyList } from '../fhir/read-imaging-study';
import { readFhirFixture } from '../fhir/testing/read-fhir-fixture';
import {
  endpointRequiresAccessToken,
  REQUIRES_ACCESS_TOKEN_EXTENSION,
  tokenRequiringAddressesOf,
} from './requires-access-token';

const studyWithEndpoint = (address: string, requires: boolean) => ({
  resourceType: 'ImagingStudy',
  identifier: [{ system: 'urn:dicom:uid', value: 'urn:oid:1.2.3' }],
  endpoint: [{ reference: '#e' }],
  series: [{ uid: '1.2.3.4' }],
  contained: [
    {
      resourceType: 'Endpoint',
      id: 'e',
      status: 'active',
      address,
      connectionType: { code: 'dicom-wado-rs' },
      extension: [{ url: REQUIRES_ACCESS_TOKEN_EXTENSION, valueBoolean: requires }],
    },
  ],
});

describe('requires-access-token', () => {
  it('reads the SMART imaging README example (contained Endpoint with the extension)', () => {
    const pool = createResourcePool([
      readFhirFixture('s4s-imaging-readme-imagingstudy-contained-endpoint.json'),
    ]);
    expect(tokenRequiringAddressesOf(readImagingStudies(pool))).toEqual([
      'https://example.org/path/to/wado-rs-endpoint',
    ]);
  });

  it('needs valueBoolean true, not a string or false', () => {
    expect(
      endpointRequiresAccessToken({
        extension: [{ url: REQUIRES_ACCESS_TOKEN_EXTENSION, valueBoolean: false }],
      }),
    ).toBe(false);
    expect(
      endpointRequiresAccessToken({
        extension: [{ url: REQUIRES_ACCESS_TOKEN_EXTENSION, valueString: 'true' }],
      }),
    ).toBe(false);
    expect(endpointRequiresAccessToken({})).toBe(false);
  });

  it('never asks to send the token in clear text to another host', () => {
    const studies = readImagingStudies(
      createResourcePool([
        studyWithEndpoint('http://pacs.example.org/dicom-web', true),
        studyWithEndpoint('http://127.0.0.1:4303/dicom-web', true),
        studyWithEndpoint('https://pacs.example.org/rs', false),
      ]),
    );
    expect(tokenRequiringAddressesOf(studies)).toEqual(['http://127.0.0.1:4303/dicom-web']);
  });

  it('reads search pages whose Endpoints come on another page', () => {
    const study = studyWithEndpoint('https://img.example.org/rs', true);
    const endpoint = study.contained[0];
    const pageOne = {
      resourceType: 'Bundle',
      entry: [{ resource: { ...study, contained: [], endpoint: [{ reference: 'Endpoint/e' }] } }],
    };
    const pageTwo = {
      resourceType: 'Bundle',
      entry: [{ fullUrl: 'https://ehr.example.org/fhir/Endpoint/e', resource: endpoint }],
    };
    expect(tokenRequiringAddressesOf(readStudyList([pageOne, pageTwo]))).toEqual([
      'https://img.example.org/rs',
    ]);
  });
});
