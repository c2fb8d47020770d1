/**
 * The published examples the viewer must handle, resolved end to end. Expected values are copied from
 * the fixture files (see sandbox/data/SOURCES.md for where each came from).
 */
import { describe, expect, it } from 'vitest';
import { createResourcePool } from './resource-pool';
import { NO_WADO_RS_FOR_STUDY, readImagingStudies } from './read-imaging-study';
import { NO_WADO_RS_FOR_SERIES } from './resolve-series';
import { readFhirFixture } from './testing/read-fhir-fixture';

function resolveFixtures(...names: string[]) {
  return readImagingStudies(createResourcePool(names.map(readFhirFixture)));
}

const XR_STUDY = '2.16.124.113543.6003.1154777499.30246.19789.3503430046';
const XR_SERIES = '2.16.124.113543.6003.1154777499.30246.19789.3503430045.1';

describe('HL7 FHIR R4 ImagingStudy examples', () => {
  it('example-xr with Endpoint example-wadors gives the spec URLs character for character', () => {
    const [study, ...others] = resolveFixtures(
      'hl7-r4-imagingstudy-example-xr.json',
      'hl7-r4-endpoint-example-wadors.json',
    );
    expect(others).toEqual([]);
    expect(study).toMatchObject({ id: 'example-xr', studyInstanceUid: XR_STUDY, iid: null, errors: [] });
    expect(study?.wadoRs).toMatchObject({ address: 'https://pacs.hospital.org/wado-rs', from: 'study' });
    const [series] = study?.series ?? [];
    expect(series).toMatchObject({
      uid: XR_SERIES,
      number: 3,
      modality: 'DX',
      description: 'XR Wrist 3+ Views',
      wadoUri: null,
      errors: [],
    });
    expect(series?.wadoRs).toMatchObject({ address: 'https://pacs.hospital.org/wado-rs', from: 'series' });
    expect(series?.metadataUrl).toBe(
      'https://pacs.hospital.org/wado-rs/studies/2.16.124.113543.6003.1154777499.30246.19789.3503430046/series/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1/metadata',
    );
    expect(series?.instances.map((instance) => instance.wadoRsUrl)).toEqual([
      'https://pacs.hospital.org/wado-rs/studies/2.16.124.113543.6003.1154777499.30246.19789.3503430046/series/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1/instances/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1.1',
      'https://pacs.hospital.org/wado-rs/studies/2.16.124.113543.6003.1154777499.30246.19789.3503430046/series/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1/instances/2.16.124.113543.6003.1154777499.30246.19789.3503430045.1.2',
    ]);
    expect(series?.instances.map((instance) => [instance.number, instance.sopClassUid])).toEqual([
      [1, '1.2.840.10008.5.1.4.1.1.2'],
      [2, '1.2.840.10008.5.1.4.1.1.2'],
    ]);
  });

  it('example-xr without its Endpoint reports the dangling reference at both levels', () => {
    const [study] = resolveFixtures('hl7-r4-imagingstudy-example-xr.json');
    const unresolved = 'Endpoint reference "Endpoint/example-wadors" could not be resolved.';
    expect(study?.errors).toEqual([unresolved]);
    expect(study?.series[0]?.errors).toEqual([unresolved, NO_WADO_RS_FOR_SERIES]);
    expect(study?.series[0]?.instances[0]?.wadoRsUrl).toBeNull();
  });

  it('example (CT, no endpoint at all) keeps its UIDs and says what is missing', () => {
    const [study] = resolveFixtures('hl7-r4-imagingstudy-example.json', 'hl7-r4-patient-dicom.json');
    expect(study).toMatchObject({
      id: 'example',
      studyInstanceUid: '2.16.124.113543.6003.1154777499.30246.19789.3503430045',
      wadoRs: null,
      errors: [],
    });
    expect(study?.series[0]).toMatchObject({
      uid: '2.16.124.113543.6003.2588828330.45298.17418.2723805630',
      number: 3,
      modality: 'CT',
      description: 'CT Surview 180',
      metadataUrl: null,
      errors: [NO_WADO_RS_FOR_SERIES],
    });
    expect(study?.series[0]?.instances[0]).toMatchObject({
      uid: '2.16.124.113543.6003.189642796.63084.16748.2599092903',
      sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
      wadoRsUrl: null,
    });
  });

  it('reach the HL7 endpoint Bundle by absolute reference (fullUrl), including WADO-URI and IID', () => {
    const xr = readFhirFixture('hl7-r4-imagingstudy-example-xr.json') as Record<string, unknown>;
    const study = {
      ...xr,
      endpoint: [
        { reference: 'http://hl7.org/fhir/Endpoint/80' }, // dicom-qido-rs: not one this viewer uses
        { reference: 'http://hl7.org/fhir/Endpoint/79' },
        { reference: 'http://hl7.org/fhir/Endpoint/83' },
        { reference: 'http://hl7.org/fhir/Endpoint/84' },
      ],
      series: [{ ...((xr.series as unknown[])[0] as object), endpoint: undefined }],
    };
    const pool = createResourcePool([study, readFhirFixture('hl7-r4-bundle-endpoints-b0a5e4277.json')]);
    const [resolved] = readImagingStudies(pool);
    expect(resolved?.errors).toEqual([]);
    expect(resolved?.wadoRs?.address).toBe('https://pacs.hospital.org/dicomweb');
    expect(resolved?.iid).toBe(
      'https://pacs.hospital.org/IHEInvokeImageDisplay?requestType=STUDY&studyUID=2.16.124.113543.6003.1154777499.30246.19789.3503430046',
    );
    const series = resolved?.series[0];
    expect(series?.wadoUri).toMatchObject({ address: 'https://pacs.hospital.org/wadoUri', from: 'study' });
    expect(series?.instances[1]?.wadoUriUrl).toBe(
      'https://pacs.hospital.org/wadoUri?requestType=WADO&studyUID=2.16.124.113543.6003.1154777499.30246.19789.3503430046&seriesUID=2.16.124.113543.6003.1154777499.30246.19789.3503430045.1&objectUID=2.16.124.113543.6003.1154777499.30246.19789.3503430045.1.2',
    );
  });

  it('turn Endpoint example-iid into the IID study URL', () => {
    const xr = readFhirFixture('hl7-r4-imagingstudy-example-xr.json') as Record<string, unknown>;
    const study = { ...xr, endpoint: [{ reference: 'Endpoint/example-iid' }] };
    const pool = createResourcePool([study, readFhirFixture('hl7-r4-endpoint-example-iid.json')]);
    expect(readImagingStudies(pool)[0]?.iid).toBe(
      `https://pacs.hospital.org/IHEInvokeImageDisplay?requestType=STUDY&studyUID=${XR_STUDY}`,
    );
  });
});

describe('UK Core CT chest example', () => {
  it('has no identifier, so no Study Instance UID and no URLs', () => {
    const [study] = resolveFixtures('ukcore-imagingstudy-ctchestscan-example.json');
    expect(study).toMatchObject({ id: 'UKCore-ImagingStudy-CTChestScan-Example', studyInstanceUid: null });
    expect(study?.errors).toEqual(['No Study Instance UID: no identifier has system "urn:dicom:uid".']);
    expect(study?.series[0]).toMatchObject({
      uid: '2.16.124.113543.6003.2588828330.45298.17418.2723805630',
      modality: 'CT',
      metadataUrl: null,
      errors: [NO_WADO_RS_FOR_SERIES],
    });
  });
});

describe('NHS Wales CT abdomen example', () => {
  const viewerUrl =
    'https://example-datastandardswales.cymru.nhs.uk/launch?DicomRepository=DicomExample&amp;AccessionNumber={}';

  it('refuses the viewer launch URL given as a WADO-RS address, and has only an accession number', () => {
    const [study] = resolveFixtures('wales-imagingstudy-ctabdomen.json', 'wales-endpoint-dicom.json');
    expect(study).toMatchObject({
      id: 'Example-DataStandardsWales-ImagingStudy-CTAbdomen',
      studyInstanceUid: null,
      wadoRs: null,
      iid: null,
      series: [],
    });
    expect(study?.errors).toEqual([
      'No Study Instance UID: no identifier has system "urn:dicom:uid".',
      `Endpoint "Example-DataStandardsWales-Endpoint-Dicom" address "${viewerUrl}" is not usable: it has a query ("?…"), which a DICOMweb base URL must not have.`,
      NO_WADO_RS_FOR_STUDY,
    ]);
  });

  it('reports the reference when the Endpoint was not fetched', () => {
    const [study] = resolveFixtures('wales-imagingstudy-ctabdomen.json');
    expect(study?.errors).toContain(
      'Endpoint reference "Endpoint/Example-DataStandardsWales-Endpoint-Dicom" could not be resolved.',
    );
  });
});

describe('IHE MADO manifests', () => {
  it('follow "urn:Endpoint/…" references to series-only endpoints', () => {
    const [study] = resolveFixtures('ihe-rad-mado-bundle-study-101.json');
    expect(study).toMatchObject({
      id: '1.2.250.1.59.40211.22756022.2.1.101',
      studyInstanceUid: '1.2.250.1.59.40211.22756022.2.1.101',
      wadoRs: null,
      errors: [],
    });
    expect(study?.series.map((series) => [series.uid, series.number, series.description])).toEqual([
      ['1.2.250.1.59.40211.22756022.2.2.101.201', 1, 'Series A1'],
      ['1.2.250.1.59.40211.22756022.2.2.101.202', 2, 'Series A2'],
    ]);
    expect(study?.series.map((series) => series.instances.length)).toEqual([50, 36]);
    const first = study?.series[0];
    expect(first?.wadoRs).toMatchObject({ address: 'http://example.com/wado', from: 'series' });
    expect(first?.wadoRs?.endpoint.id).toBe('wado-url-endpoint--271104327');
    expect(first?.errors).toEqual([]);
    expect(first?.metadataUrl).toBe(
      'http://example.com/wado/studies/1.2.250.1.59.40211.22756022.2.1.101/series/1.2.250.1.59.40211.22756022.2.2.101.201/metadata',
    );
    expect(first?.instances[0]).toMatchObject({
      uid: '1.2.250.1.59.40211.22756022.2.3.101.201.37',
      number: 7,
      sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
      wadoRsUrl:
        'http://example.com/wado/studies/1.2.250.1.59.40211.22756022.2.1.101/series/1.2.250.1.59.40211.22756022.2.2.101.201/instances/1.2.250.1.59.40211.22756022.2.3.101.201.37',
      errors: [],
    });
    const everyError = study?.series.flatMap((series) => [
      ...series.errors,
      ...series.instances.flatMap((i) => i.errors),
    ]);
    expect(everyError).toEqual([]);
  });

  it('pool two manifests that share one Endpoint', () => {
    const studies = resolveFixtures(
      'ihe-rad-mado-bundle-study-101.json',
      'ihe-rad-mado-bundle-study-102.json',
    );
    expect(studies.map((study) => study.studyInstanceUid)).toEqual([
      '1.2.250.1.59.40211.22756022.2.1.101',
      '1.2.250.1.59.40211.22756022.2.1.102',
    ]);
    const keyObjects = studies[1]?.series[1];
    expect(keyObjects).toMatchObject({ number: 59, modality: 'KO', description: null, errors: [] });
    expect(keyObjects?.instances[0]).toMatchObject({
      uid: '1.2.250.1.59.40211.22756022.2.3.102.202.31',
      sopClassUid: '1.2.840.10008.5.1.4.1.1.88.59',
    });
  });
});

describe('Synthea-generated studies', () => {
  it('name the rfc3986 identifier system that hides the Study Instance UID', () => {
    const studies = resolveFixtures('synthea-r4-barrett-douglas-imagingstudies-bundle.json');
    expect(studies.map((study) => study.id)).toEqual([
      '8723c94b-199f-4f31-8a76-0f196b6ee5eb',
      '49b4fd59-a3de-4ee4-9748-29af14168234',
      '032687dd-9740-4812-9440-ece5fa4d151d',
      '9e7d3c8e-90e6-49f7-8373-c0f591cab559',
      '117f3afe-0e05-4637-a568-d60f7143995e',
    ]);
    expect(studies[0]?.studyInstanceUid).toBeNull();
    expect(studies[0]?.errors).toEqual([
      'No Study Instance UID: no identifier has system "urn:dicom:uid" (identifier "urn:oid:1.2.840.99999999.92232261.1559319180408" has system "urn:ietf:rfc:3986").',
    ]);
    expect(studies.map((study) => study.series[0]?.modality)).toEqual(['DX', 'US', 'CR', 'US', 'DX']);
    expect(studies[0]?.series[0]).toMatchObject({
      uid: '1.2.840.99999999.1.81353849.1559319180409',
      errors: [NO_WADO_RS_FOR_SERIES],
    });
  });

  it('read the one non-standard SOP class', () => {
    const [study] = resolveFixtures('synthea-r4-jordan-cruickshank-imagingstudy-bundle.json');
    expect(study?.id).toBe('3c2d562d-cdcc-4f37-805e-7ebb19b4e3ff');
    expect(study?.series[0]?.instances[0]).toMatchObject({
      uid: '1.2.840.99999999.1.1.89010233.1559319190694',
      sopClassUid: '1.2.840.10008.5.1.4.1.1.6.1',
    });
  });
});

describe('Sync-for-Science imaging example (contained Endpoint, identifier as one object)', () => {
  it('resolves the contained endpoint and keeps it for its access-token extension', () => {
    const [study] = resolveFixtures('s4s-imaging-readme-imagingstudy-contained-endpoint.json');
    expect(study).toMatchObject({ id: '123', studyInstanceUid: '1.2.3', iid: null, errors: [], series: [] });
    expect(study?.wadoRs).toMatchObject({
      address: 'https://example.org/path/to/wado-rs-endpoint',
      connectionType: 'dicom-wado-rs',
      from: 'study',
    });
    expect(study?.wadoRs?.endpoint.extension).toEqual([
      {
        url: 'http://hl7.org/fhir/smart-app-launch/StructureDefinition/requires-access-token',
        valueBoolean: true,
      },
    ]);
  });
});
