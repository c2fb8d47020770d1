import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDPOINT_CONNECTION_TYPE_SYSTEM } from './connection-type';
import type { ImagingStudy } from './fhir-types';
import { createResourcePool } from './resource-pool';
import { NO_WADO_RS_FOR_STUDY, readImagingStudies, readImagingStudy } from './read-imaging-study';
import { NO_WADO_RS_FOR_SERIES } from './resolve-series';
import { retrievalOf } from './series-retrieval';

type Json = Record<string, unknown>;

const endpoint = (id: string, code: string, address: string, extra: Json = {}) => ({
  resourceType: 'Endpoint',
  id,
  status: 'active',
  connectionType: { system: ENDPOINT_CONNECTION_TYPE_SYSTEM, code },
  address,
  ...extra,
});
const ref = (reference: string) => ({ reference });
const instance = (uid: unknown, number?: number) => ({
  uid,
  number,
  sopClass: { system: 'urn:ietf:rfc:3986', code: 'urn:oid:1.2.840.10008.5.1.4.1.1.2' },
});
const series = (uid: unknown, extra: Json = {}) => ({
  uid,
  number: 1,
  modality: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' },
  instance: [instance('1.2.3.1.1', 1)],
  ...extra,
});
const imagingStudy = (extra: Json = {}): ImagingStudy => ({
  resourceType: 'ImagingStudy',
  id: 'study',
  identifier: [{ system: 'urn:dicom:uid', value: 'urn:oid:1.2.3' }],
  ...extra,
});

const studyRs = endpoint('study-rs', 'dicom-wado-rs', 'https://study.example/rs');
const studyUri = endpoint('study-uri', 'dicom-wado-uri', 'https://study.example/wado');
const seriesRs = endpoint('series-rs', 'dicom-wado-rs', 'https://series.example/rs/');
const seriesUri = endpoint('series-uri', 'dicom-wado-uri', 'https://series.example/wado');
const iid = endpoint('iid', 'ihe-iid', 'https://pacs.example/IHEInvokeImageDisplay');
const suspended = endpoint('paused', 'dicom-wado-rs', 'https://paused.example/rs', { status: 'suspended' });
const everyEndpoint = [studyRs, studyUri, seriesRs, seriesUri, iid, suspended];

function resolve(study: ImagingStudy, others: unknown[] = everyEndpoint) {
  return readImagingStudy(study, createResourcePool([study, ...others]));
}

describe('readImagingStudy: endpoint selection (series overrides study, per type)', () => {
  it('prefers the series endpoint of each type and falls back to the study one', () => {
    const result = resolve(
      imagingStudy({
        endpoint: [ref('Endpoint/study-rs'), ref('Endpoint/study-uri')],
        series: [series('1.2.3.1', { endpoint: [ref('Endpoint/series-rs')] }), series('1.2.3.2')],
      }),
    );
    expect(result.wadoRs?.address).toBe('https://study.example/rs');
    const [first, second] = result.series;
    expect(first?.wadoRs).toMatchObject({ address: 'https://series.example/rs', from: 'series' });
    expect(first?.wadoUri).toMatchObject({ address: 'https://study.example/wado', from: 'study' });
    expect(first?.metadataUrl).toBe('https://series.example/rs/studies/1.2.3/series/1.2.3.1/metadata');
    expect(first?.instances[0]?.wadoRsUrl).toBe(
      'https://series.example/rs/studies/1.2.3/series/1.2.3.1/instances/1.2.3.1.1',
    );
    expect(first?.instances[0]?.wadoUriUrl).toBe(
      'https://study.example/wado?requestType=WADO&studyUID=1.2.3&seriesUID=1.2.3.1&objectUID=1.2.3.1.1',
    );
    expect(second?.wadoRs).toMatchObject({ address: 'https://study.example/rs', from: 'study' });
    expect(result.errors).toEqual([]);
    expect(result.series.flatMap((s) => s.errors)).toEqual([]);
  });

  it('hands back the raw Endpoint so the app can read its extensions', () => {
    const result = resolve(imagingStudy({ endpoint: [ref('Endpoint/study-rs')] }));
    expect(result.wadoRs?.endpoint).toBe(studyRs);
    expect(result.wadoRs?.connectionType).toBe('dicom-wado-rs');
  });

  it('takes the first usable endpoint of a type, reporting the skipped one', () => {
    const result = resolve(
      imagingStudy({
        series: [series('1.2.3.1', { endpoint: [ref('Endpoint/paused'), ref('Endpoint/series-rs')] })],
      }),
    );
    expect(result.series[0]?.wadoRs?.address).toBe('https://series.example/rs');
    expect(result.series[0]?.errors).toEqual(['Endpoint "paused" is suspended.']);
  });

  it('falls back to the study when every series endpoint is unusable', () => {
    const result = resolve(
      imagingStudy({
        endpoint: [ref('Endpoint/study-rs')],
        series: [series('1.2.3.1', { endpoint: [ref('Endpoint/paused')] })],
      }),
    );
    expect(result.series[0]?.wadoRs).toMatchObject({ address: 'https://study.example/rs', from: 'study' });
    expect(result.series[0]?.errors).toEqual(['Endpoint "paused" is suspended.']);
  });

  it('fetches a series only WADO-URI serves through WADO-URI: a key, instance URLs, no metadata URL', () => {
    const result = resolve(
      imagingStudy({ endpoint: [ref('Endpoint/study-uri')], series: [series('1.2.3.1')] }),
    );
    const [only] = result.series;
    expect(only?.errors).toEqual([]);
    expect(only?.wadoRs).toBeNull();
    expect(only?.metadataUrl).toBeNull();
    expect(only?.instances[0]?.wadoRsUrl).toBeNull();
    expect(only?.instances[0]?.wadoUriUrl).toContain('https://study.example/wado?requestType=WADO');
    // Its identity is its WADO-URI series query: fetchable, and never taken for a WADO-RS series.
    expect(only?.key).toBe('https://study.example/wado?requestType=WADO&studyUID=1.2.3&seriesUID=1.2.3.1');
    expect(only && retrievalOf(only)).toBe('wado-uri');
    expect(result.unavailableReason).toBeNull();
  });

  it('prefers WADO-RS when a series has both', () => {
    const result = resolve(
      imagingStudy({
        endpoint: [ref('Endpoint/study-uri')],
        series: [series('1.2.3.1', { endpoint: [ref('Endpoint/series-rs')] })],
      }),
    );
    const [only] = result.series;
    expect(only && retrievalOf(only)).toBe('wado-rs');
    expect(only?.key).toBe('https://series.example/rs/studies/1.2.3/series/1.2.3.1');
  });

  it('reports a series with neither WADO-RS nor WADO-URI, and gives it no key', () => {
    const result = resolve(imagingStudy({ series: [series('1.2.3.1')] }));
    const [only] = result.series;
    expect(only?.errors).toEqual([NO_WADO_RS_FOR_SERIES]);
    expect(only?.key).toBeNull();
    expect(only && retrievalOf(only)).toBeNull();
  });

  it('uses IID only at study level', () => {
    const result = resolve(
      imagingStudy({
        endpoint: [ref('Endpoint/iid'), ref('Endpoint/study-rs')],
        series: [series('1.2.3.1', { endpoint: [ref('Endpoint/iid')] })],
      }),
    );
    expect(result.iid).toBe('https://pacs.example/IHEInvokeImageDisplay?requestType=STUDY&studyUID=1.2.3');
    expect(result.series[0]?.wadoRs?.from).toBe('study');
    expect(result.series[0]?.errors).toEqual([]);
  });
});

describe('readImagingStudy: references', () => {
  it('reports an unresolvable reference where it appears and keeps going', () => {
    const result = resolve(
      imagingStudy({
        endpoint: [ref('Endpoint/missing'), ref('Endpoint/study-rs')],
        series: [series('1.2.3.1', { endpoint: [ref('urn:uuid:gone'), ref('Endpoint/series-rs')] })],
      }),
    );
    expect(result.errors).toEqual(['Endpoint reference "Endpoint/missing" could not be resolved.']);
    expect(result.wadoRs?.address).toBe('https://study.example/rs');
    expect(result.series[0]?.errors).toEqual(['Endpoint reference "urn:uuid:gone" could not be resolved.']);
    expect(result.series[0]?.wadoRs?.address).toBe('https://series.example/rs');
  });

  it('explains references that are not Endpoints or carry no reference', () => {
    const result = resolve(
      imagingStudy({
        endpoint: [ref('Patient/p'), { display: 'PACS' }, {}, 'Endpoint/study-rs', ref('Endpoint/study-rs')],
      }),
      [...everyEndpoint, { resourceType: 'Patient', id: 'p' }],
    );
    expect(result.errors).toEqual([
      'Endpoint reference "Patient/p" points to a Patient, not an Endpoint.',
      'Endpoint reference "PACS" has no "reference" value and could not be resolved.',
      'Endpoint reference has no "reference" value and could not be resolved.',
    ]);
    expect(result.wadoRs?.address).toBe('https://study.example/rs');
  });

  it('resolves a contained Endpoint from series level too', () => {
    const study = imagingStudy({
      contained: [endpoint('c', 'dicom-wado-rs', 'https://contained.example/rs')],
      series: [series('1.2.3.1', { endpoint: [ref('#c')] })],
    });
    expect(resolve(study, []).series[0]?.wadoRs?.address).toBe('https://contained.example/rs');
  });

  it('explains an imaging code from the wrong system and a missing connection type; ignores other services', () => {
    const foreign = endpoint('foreign', 'dicom-wado-rs', 'https://x.example/rs', {
      connectionType: { system: 'http://acme.example/types', code: 'dicom-wado-rs' },
    });
    const untyped = {
      resourceType: 'Endpoint',
      id: 'untyped',
      status: 'active',
      address: 'https://x.example',
    };
    const qido = endpoint('qido', 'dicom-qido-rs', 'https://x.example/rs');
    const result = resolve(
      imagingStudy({ endpoint: [ref('Endpoint/foreign'), ref('Endpoint/untyped'), ref('Endpoint/qido')] }),
      [foreign, untyped, qido],
    );
    expect(result.errors).toEqual([
      'Endpoint "foreign" has connection type "dicom-wado-rs" in system "http://acme.example/types", not the HL7 endpoint-connection-type system.',
      'Endpoint "untyped" has no connection type.',
      NO_WADO_RS_FOR_STUDY,
    ]);
  });

  it('reports the same broken endpoint once per level', () => {
    const result = resolve(imagingStudy({ endpoint: [ref('Endpoint/paused'), ref('Endpoint/paused')] }));
    expect(result.errors).toEqual(['Endpoint "paused" is suspended.', NO_WADO_RS_FOR_STUDY]);
  });
});

describe('readImagingStudy: UID checks', () => {
  const withEndpoints = {
    endpoint: [ref('Endpoint/study-rs'), ref('Endpoint/study-uri'), ref('Endpoint/iid')],
  };

  it('builds no URL anywhere in a study whose UID is invalid', () => {
    const result = resolve(
      imagingStudy({
        ...withEndpoints,
        identifier: [{ system: 'urn:dicom:uid', value: 'urn:oid:1.2.x' }],
        series: [series('1.2.3.1')],
      }),
    );
    expect(result.studyInstanceUid).toBeNull();
    expect(result.errors).toEqual(['Study Instance UID "urn:oid:1.2.x" is not a valid DICOM UID.']);
    expect(result.iid).toBeNull();
    expect(result.series[0]?.uid).toBe('1.2.3.1');
    expect(result.series[0]?.metadataUrl).toBeNull();
    expect(result.series[0]?.instances[0]).toMatchObject({ wadoRsUrl: null, wadoUriUrl: null, errors: [] });
  });

  it('confines a bad series UID to that series', () => {
    const result = resolve(
      imagingStudy({ ...withEndpoints, series: [series('1.2.3.1'), series('1.2.x', { number: 2 })] }),
    );
    const [good, bad] = result.series;
    expect(good?.metadataUrl).toBe('https://study.example/rs/studies/1.2.3/series/1.2.3.1/metadata');
    expect(bad).toMatchObject({ uid: null, rawUid: '1.2.x', metadataUrl: null });
    expect(bad?.errors).toEqual(['Series 2 UID "1.2.x" is not a valid DICOM UID.']);
    expect(bad?.instances[0]).toMatchObject({
      uid: '1.2.3.1.1',
      wadoRsUrl: null,
      wadoUriUrl: null,
      errors: [],
    });
    expect(result.errors).toEqual([]);
  });

  it('confines a bad instance UID to that instance', () => {
    const result = resolve(
      imagingStudy({
        ...withEndpoints,
        series: [series('1.2.3.1', { instance: [instance('1.2.3.1.1', 1), instance('1.2.3.1.2/../x', 2)] })],
      }),
    );
    const [good, bad] = result.series[0]?.instances ?? [];
    expect(good?.wadoRsUrl).toBe('https://study.example/rs/studies/1.2.3/series/1.2.3.1/instances/1.2.3.1.1');
    expect(bad).toMatchObject({ uid: null, rawUid: '1.2.3.1.2/../x', wadoRsUrl: null, wadoUriUrl: null });
    expect(bad?.errors).toEqual(['Instance 2 UID "1.2.3.1.2/../x" is not a valid DICOM UID.']);
    expect(result.series[0]?.errors).toEqual([]);
  });

  it('labels unnumbered series and instances by position, and quotes non-string UIDs', () => {
    const result = resolve(
      imagingStudy({
        ...withEndpoints,
        series: [
          series('1.2.3.1'),
          { uid: 1.2, instance: [{ uid: '1.2.3' }, { number: 7 }] },
          { modality: { code: 'MR' } },
        ],
      }),
    );
    expect(result.series[1]?.errors).toEqual(['Series at position 2 UID 1.2 is not a valid DICOM UID.']);
    expect(result.series[1]?.instances.map((i) => i.errors)).toEqual([[], ['Instance 7 has no UID.']]);
    expect(result.series[2]?.errors).toEqual(['Series at position 3 has no UID.']);
  });
});

describe('readImagingStudy: reading the study', () => {
  it('reads series and instance details, tolerating STU3 and CodeableConcept shapes', () => {
    const result = resolve(
      imagingStudy({
        series: [
          {
            uid: '1.2.3.1',
            number: 4,
            description: 'Axial',
            modality: { coding: [{ code: 'MR' }] },
            instance: [{ uid: '1.2.3.1.9', number: 9, sopClass: 'urn:oid:1.2.840.10008.5.1.4.1.1.4' }],
          },
        ],
      }),
    );
    expect(result.series[0]).toMatchObject({ number: 4, description: 'Axial', modality: 'MR' });
    expect(result.series[0]?.instances[0]).toMatchObject({
      number: 9,
      sopClassUid: '1.2.840.10008.5.1.4.1.1.4',
    });
  });

  it('asks for a study-level WADO-RS endpoint only when no series are listed', () => {
    expect(resolve(imagingStudy()).errors).toEqual([NO_WADO_RS_FOR_STUDY]);
    expect(resolve(imagingStudy({ endpoint: [ref('Endpoint/study-rs')] })).errors).toEqual([]);
  });

  it('tolerates a single series object and junk entries', () => {
    const result = resolve(
      imagingStudy({ endpoint: ref('Endpoint/study-rs'), series: series('1.2.3.1', { instance: 'nope' }) }),
    );
    expect(result.series).toHaveLength(1);
    expect(result.series[0]?.metadataUrl).toBe(
      'https://study.example/rs/studies/1.2.3/series/1.2.3.1/metadata',
    );
    expect(result.series[0]?.instances).toEqual([]);
  });

  it('never throws, whatever JSON it is given', () => {
    const arbitraryStudy = fc.dictionary(
      fc.constantFrom('id', 'identifier', 'uid', 'endpoint', 'series', 'contained'),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(arbitraryStudy, fc.array(fc.jsonValue(), { maxLength: 3 }), (fields, others) => {
        const study = { ...fields, resourceType: 'ImagingStudy' } as ImagingStudy;
        const resolved = readImagingStudy(study, createResourcePool([study, ...others]));
        expect(Array.isArray(resolved.errors)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('readImagingStudies', () => {
  it('resolves every pooled study in order', () => {
    const pool = createResourcePool([
      imagingStudy({ id: 'one' }),
      { resourceType: 'Bundle', entry: [{ resource: imagingStudy({ id: 'two' }) }] },
    ]);
    expect(readImagingStudies(pool).map((study) => study.id)).toEqual(['one', 'two']);
  });
});
