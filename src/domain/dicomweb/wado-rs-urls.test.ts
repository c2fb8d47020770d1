import { describe, expect, it } from 'vitest';
import { parseSeriesInstanceUid, parseSopInstanceUid, parseStudyInstanceUid } from './dicom-uid';
import { frameNumbersUpTo, parseFrameNumber } from './frame-number';
import {
  buildWadoRsFrameUrl,
  buildWadoRsFramesUrl,
  buildWadoRsInstanceMetadataUrl,
  buildWadoRsInstanceUrl,
  buildWadoRsSeriesMetadataUrl,
  buildWadoRsSeriesUrl,
  buildWadoRsStudyUrl,
} from './wado-rs-urls';
import { checked, baseUrl } from './testing/checked-inputs';

// FHIR R4 Endpoint-example-wadors + ImagingStudy-example-xr.
const base = baseUrl('https://pacs.hospital.org/wado-rs');
const study = checked(parseStudyInstanceUid('2.16.124.113543.6003.1154777499.30246.19789.3503430046'));
const series = checked(parseSeriesInstanceUid('2.16.124.113543.6003.1154777499.30246.19789.3503430045.1'));
const instance = checked(parseSopInstanceUid('2.16.124.113543.6003.1154777499.30246.19789.3503430045.1.1'));
const S = 'https://pacs.hospital.org/wado-rs/studies/2.16.124.113543.6003.1154777499.30246.19789.3503430046';
const R = `${S}/series/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1`;
const I = `${R}/instances/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1.1`;

describe('WADO-RS URLs', () => {
  it("reproduce the FHIR R4 Endpoint.address example's study/series/instance path", () => {
    // From the R4 definition of Endpoint.address: ".../wado-rs/studies/1.2.250.1.59.40211.12345678.678910/series/…".
    expect(
      buildWadoRsInstanceUrl(
        base,
        checked(parseStudyInstanceUid('1.2.250.1.59.40211.12345678.678910')),
        checked(parseSeriesInstanceUid('1.2.250.1.59.40211.789001276.14556172.67789')),
        checked(parseSopInstanceUid('1.2.250.1.59.40211.2678810.87991027.899772.2')),
      ),
    ).toBe(
      'https://pacs.hospital.org/wado-rs/studies/1.2.250.1.59.40211.12345678.678910/series/1.2.250.1.59.40211.789001276.14556172.67789/instances/1.2.250.1.59.40211.2678810.87991027.899772.2',
    );
  });

  it('build the study-, series- and instance-level resources of PS3.18 §10.4 that the viewer uses', () => {
    expect(buildWadoRsStudyUrl(base, study)).toBe(S);
    expect(buildWadoRsSeriesUrl(base, study, series)).toBe(R);
    expect(buildWadoRsSeriesMetadataUrl(base, study, series)).toBe(`${R}/metadata`);
    expect(buildWadoRsInstanceUrl(base, study, series, instance)).toBe(I);
    expect(buildWadoRsInstanceMetadataUrl(base, study, series, instance)).toBe(`${I}/metadata`);
  });

  it('address frames by 1-based number, singly or as a list', () => {
    expect(buildWadoRsFrameUrl(base, study, series, instance, checked(parseFrameNumber(1)))).toBe(
      `${I}/frames/1`,
    );
    const [first, ...rest] = frameNumbersUpTo(3);
    expect(buildWadoRsFramesUrl(base, study, series, instance, [checked(first ?? null), ...rest])).toBe(
      `${I}/frames/1,2,3`,
    );
  });

  it('refuse unchecked strings and numbers at compile time', () => {
    const attempts = [
      // @ts-expect-error a raw base URL has not been checked
      () => buildWadoRsStudyUrl('https://pacs.hospital.org/wado-rs', study),
      // @ts-expect-error a raw UID has not been checked
      () => buildWadoRsSeriesUrl(base, study, '1.2.3'),
      // @ts-expect-error a series UID is not a SOP Instance UID
      () => buildWadoRsInstanceUrl(base, study, series, series),
      // @ts-expect-error a bare number may be 0 or negative
      () => buildWadoRsFrameUrl(base, study, series, instance, 1),
      // @ts-expect-error an empty frame list is not a request
      () => buildWadoRsFramesUrl(base, study, series, instance, []),
    ];
    expect(attempts).toHaveLength(5);
  });
});
