import { describe, expect, it } from 'vitest';
import { createResourcePool } from '../domain/fhir/resource-pool';
import { readImagingStudies } from '../domain/fhir/read-imaging-study';
import { toInspectReport } from './inspect-report';

const study = {
  resourceType: 'ImagingStudy',
  id: 's',
  identifier: { system: 'urn:dicom:uid', value: 'urn:oid:1.2.3' },
  availability: 'NEARLINE',
  endpoint: [{ reference: 'Endpoint/rs' }, { reference: 'Endpoint/iid' }],
  series: [
    {
      uid: '1.2.3.1',
      modality: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' },
      endpoint: [{ reference: 'Endpoint/uri' }],
      instance: [{ uid: '1.2.3.1.1' }, { uid: 'bad', number: 2 }],
    },
    { uid: 'x', number: 5, modality: { coding: [{ code: 'SR' }] }, availability: 'OFFLINE' },
  ],
};
const endpoint = (id: string, code: string, address: string) => ({
  resourceType: 'Endpoint',
  id,
  connectionType: { code },
  address,
});

describe('toInspectReport', () => {
  it('maps the resolution to the documented contract: strings, nulls and error lists only', () => {
    const pool = createResourcePool([
      study,
      endpoint('rs', 'dicom-wado-rs', 'https://pacs.example/rs/'),
      endpoint('uri', 'dicom-wado-uri', 'https://pacs.example/wado'),
      endpoint('iid', 'ihe-iid', 'https://pacs.example/iid'),
    ]);
    expect(toInspectReport(readImagingStudies(pool))).toEqual({
      studies: [
        {
          id: 's',
          studyInstanceUid: '1.2.3',
          modalities: ['CT', 'SR'],
          availability: 'NEARLINE',
          wadoRs: 'https://pacs.example/rs',
          iid: 'https://pacs.example/iid?requestType=STUDY&studyUID=1.2.3',
          errors: [],
          series: [
            {
              uid: '1.2.3.1',
              modality: 'CT',
              availability: 'NEARLINE',
              wadoRs: 'https://pacs.example/rs',
              wadoRsFrom: 'study',
              wadoUri: 'https://pacs.example/wado',
              wadoUriFrom: 'series',
              metadataUrl: 'https://pacs.example/rs/studies/1.2.3/series/1.2.3.1/metadata',
              errors: [],
              instances: [
                {
                  uid: '1.2.3.1.1',
                  wadoRsUrl: 'https://pacs.example/rs/studies/1.2.3/series/1.2.3.1/instances/1.2.3.1.1',
                  wadoUriUrl:
                    'https://pacs.example/wado?requestType=WADO&studyUID=1.2.3&seriesUID=1.2.3.1&objectUID=1.2.3.1.1',
                  errors: [],
                },
                {
                  uid: null,
                  wadoRsUrl: null,
                  wadoUriUrl: null,
                  errors: ['Instance 2 UID "bad" is not a valid DICOM UID.'],
                },
              ],
            },
            {
              uid: null,
              modality: 'SR',
              availability: 'OFFLINE',
              wadoRs: 'https://pacs.example/rs',
              wadoRsFrom: 'study',
              wadoUri: null,
              wadoUriFrom: null,
              metadataUrl: null,
              errors: [
                'Series 5 UID "x" is not a valid DICOM UID.',
                'The archive holds these images offline (availability OFFLINE): they cannot be fetched until the archive brings them back online.',
              ],
              instances: [],
            },
          ],
        },
      ],
    });
  });

  it('gives an empty list when there are no studies', () => {
    expect(toInspectReport([])).toEqual({ studies: [] });
  });
});
