import { describe, expect, it } from 'vitest';
import { parseSeriesInstanceUid, parseSopInstanceUid, parseStudyInstanceUid } from './dicom-uid';
import { parseFrameNumber } from './frame-number';
import { buildIidStudyUrl } from './iid-urls';
import { buildWadoRsImageId } from './image-ids';
import { buildQidoRsInstancesUrl, buildQidoRsSeriesUrl } from './qido-rs-urls';
import { seriesKeyOf, wadoUriSeriesKeyOf } from './series-key';
import { buildWadoUriDicomUrl, buildWadoUriInstanceUrl } from './wado-uri-urls';
import { checked, baseUrl } from './testing/checked-inputs';

// The HL7 R4 endpoint Bundle b0a5e4277 (Endpoints 79, 83, 84) and ImagingStudy-example-xr's UIDs.
const rs = baseUrl('https://pacs.hospital.org/dicomweb');
const uri = baseUrl('https://pacs.hospital.org/wadoUri');
const iid = baseUrl('https://pacs.hospital.org/IHEInvokeImageDisplay');
const study = checked(parseStudyInstanceUid('2.16.124.113543.6003.1154777499.30246.19789.3503430046'));
const series = checked(parseSeriesInstanceUid('2.16.124.113543.6003.1154777499.30246.19789.3503430045.1'));
const instance = checked(parseSopInstanceUid('2.16.124.113543.6003.1154777499.30246.19789.3503430045.1.2'));

describe('QIDO-RS URLs', () => {
  it('search the series of a study and the instances of a series', () => {
    expect(buildQidoRsSeriesUrl(rs, study)).toBe(
      'https://pacs.hospital.org/dicomweb/studies/2.16.124.113543.6003.1154777499.30246.19789.3503430046/series',
    );
    expect(buildQidoRsInstancesUrl(rs, study, series)).toBe(
      'https://pacs.hospital.org/dicomweb/studies/2.16.124.113543.6003.1154777499.30246.19789.3503430046/series/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1/instances',
    );
  });
});

describe('WADO-URI URLs', () => {
  it('put the three UIDs in the query, in the order of PS3.18 §9', () => {
    expect(buildWadoUriInstanceUrl(uri, study, series, instance)).toBe(
      'https://pacs.hospital.org/wadoUri?requestType=WADO&studyUID=2.16.124.113543.6003.1154777499.30246.19789.3503430046&seriesUID=2.16.124.113543.6003.1154777499.30246.19789.3503430045.1&objectUID=2.16.124.113543.6003.1154777499.30246.19789.3503430045.1.2',
    );
  });

  it('ask for the DICOM object itself, with the slash of its type left as it is', () => {
    expect(buildWadoUriDicomUrl(buildWadoUriInstanceUrl(uri, study, series, instance))).toMatch(
      /&objectUID=[0-9.]+&contentType=application\/dicom$/,
    );
  });
  it('name a WADO-URI series apart from the same series over WADO-RS on the same host', () => {
    const key = wadoUriSeriesKeyOf(uri, study, series);
    expect(key).toBe(
      'https://pacs.hospital.org/wadoUri?requestType=WADO&studyUID=2.16.124.113543.6003.1154777499.30246.19789.3503430046&seriesUID=2.16.124.113543.6003.1154777499.30246.19789.3503430045.1',
    );
    expect(key).not.toBe(seriesKeyOf(uri, study, series));
  });
});

describe('IHE IID URLs', () => {
  it('open a study by its UID', () => {
    expect(buildIidStudyUrl(iid, study)).toBe(
      'https://pacs.hospital.org/IHEInvokeImageDisplay?requestType=STUDY&studyUID=2.16.124.113543.6003.1154777499.30246.19789.3503430046',
    );
  });
});

describe('Cornerstone image ids', () => {
  it('prefix the frame URL with wadors:', () => {
    expect(buildWadoRsImageId(rs, study, series, instance, checked(parseFrameNumber(2)))).toBe(
      'wadors:https://pacs.hospital.org/dicomweb/studies/2.16.124.113543.6003.1154777499.30246.19789.3503430046/series/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1/instances/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1.2/frames/2',
    );
  });

  it('refuse unchecked input at compile time', () => {
    // @ts-expect-error a raw UID has not been checked
    const attempt = () => buildWadoUriInstanceUrl(uri, study, series, '1.2.3');
    // @ts-expect-error a raw base URL has not been checked
    const other = () => buildIidStudyUrl('https://pacs.hospital.org/IHEInvokeImageDisplay', study);
    expect([attempt, other]).toHaveLength(2);
  });
});
