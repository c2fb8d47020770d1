/**
 * One ImagingStudy as each FHIR version writes it, built from the published definitions
 * (hl7.org/fhir/STU3/imagingstudy.html, the 3.x R4 drafts, R4 and R5 imagingstudy.html): the
 * reader must give the same Study from every shape.
 */
import { describe, expect, it } from 'vitest';
import { createResourcePool } from './resource-pool';
import { readImagingStudies } from './read-imaging-study';

const STUDY = '2.16.124.113543.6003.1154777499.2552.18.3386.20140123.4';
const SERIES = '2.16.124.113543.6003.2588828330.45298.17418.2723805630';
const INSTANCE = '2.16.124.113543.6003.189642796.63084.16748.2599092903';
const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const PACS = 'https://pacs.example/wado-rs';

const stu3Endpoint = {
  resourceType: 'Endpoint',
  id: 'pacs',
  status: 'active',
  connectionType: { system: 'http://hl7.org/fhir/endpoint-connection-type', code: 'dicom-wado-rs' },
  payloadType: [{ text: 'DICOM WADO-RS' }],
  address: PACS,
};

const stu3 = {
  resourceType: 'ImagingStudy',
  id: 'stu3',
  uid: `urn:oid:${STUDY}`,
  accession: { system: 'http://hospital.example/accession', value: 'W12342398' },
  availability: 'ONLINE',
  modalityList: [{ system: DCM, code: 'CT' }],
  patient: { reference: 'Patient/dicom' },
  context: { reference: 'Encounter/visit-7' },
  started: '2011-01-01T11:01:20+03:00',
  endpoint: [{ reference: 'Endpoint/pacs' }],
  numberOfSeries: 1,
  numberOfInstances: 1,
  procedureCode: [{ coding: [{ system: 'http://www.radlex.org', code: 'RPID5', display: 'CT Head' }] }],
  series: [
    {
      uid: `urn:oid:${SERIES}`,
      number: 3,
      modality: { system: DCM, code: 'CT' },
      description: 'CT Surview 180',
      numberOfInstances: 1,
      availability: 'ONLINE',
      bodySite: { system: 'http://snomed.info/sct', code: '67734004', display: 'Upper Trunk Structure' },
      instance: [{ uid: `urn:oid:${INSTANCE}`, number: 1, sopClass: `urn:oid:${CT_IMAGE_STORAGE}` }],
    },
  ],
};

/** The 3.x drafts on the way to R4: STU3's shape with `subject` in place of `patient`. */
const draft = (() => {
  const { patient, ...rest } = stu3;
  return { ...rest, id: 'draft', subject: patient };
})();

const r4 = {
  resourceType: 'ImagingStudy',
  id: 'r4',
  identifier: [
    { system: 'urn:dicom:uid', value: `urn:oid:${STUDY}` },
    {
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN' }] },
      value: 'W12342398',
    },
  ],
  status: 'available',
  modality: [{ system: DCM, code: 'CT' }],
  subject: { reference: 'Patient/dicom' },
  encounter: { reference: 'Encounter/visit-7' },
  started: '2011-01-01T11:01:20+03:00',
  endpoint: [{ reference: 'Endpoint/pacs-r4' }],
  numberOfSeries: 1,
  numberOfInstances: 1,
  procedureCode: [{ coding: [{ system: 'http://www.radlex.org', code: 'RPID5', display: 'CT Head' }] }],
  series: [
    {
      uid: SERIES,
      number: 3,
      modality: { system: DCM, code: 'CT' },
      description: 'CT Surview 180',
      numberOfInstances: 1,
      bodySite: { system: 'http://snomed.info/sct', code: '67734004', display: 'Upper Trunk Structure' },
      instance: [
        {
          uid: INSTANCE,
          number: 1,
          sopClass: { system: 'urn:ietf:rfc:3986', code: `urn:oid:${CT_IMAGE_STORAGE}` },
        },
      ],
    },
  ],
};
const r4Endpoint = {
  ...stu3Endpoint,
  id: 'pacs-r4',
  connectionType: {
    system: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type',
    code: 'dicom-wado-rs',
  },
};

const r5 = {
  ...r4,
  id: 'r5',
  modality: [{ coding: [{ system: DCM, code: 'CT' }] }],
  endpoint: [{ reference: 'Endpoint/pacs-r5' }],
  procedureCode: undefined,
  procedure: [
    { concept: { coding: [{ system: 'http://www.radlex.org', code: 'RPID5', display: 'CT Head' }] } },
  ],
  reason: [{ concept: { text: 'Headache' } }],
  series: [
    {
      ...r4.series[0],
      modality: { coding: [{ system: DCM, code: 'CT' }] },
      bodySite: {
        concept: {
          coding: [{ system: 'http://snomed.info/sct', code: '67734004', display: 'Upper Trunk Structure' }],
        },
      },
    },
  ],
};
const r5Endpoint = {
  ...stu3Endpoint,
  id: 'pacs-r5',
  connectionType: [
    {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type', code: 'dicom-wado-rs' },
      ],
    },
  ],
  payload: [{ type: [{ text: 'DICOM' }], mimeType: ['application/dicom'] }],
};

const [fromStu3, fromDraft, fromR4, fromR5] = readImagingStudies(
  createResourcePool([stu3, draft, r4, r5, stu3Endpoint, r4Endpoint, r5Endpoint]),
);

describe('reading ImagingStudy from every FHIR version', () => {
  it.each([
    ['STU3', fromStu3],
    ['draft', fromDraft],
    ['R4', fromR4],
    ['R5', fromR5],
  ])('%s: the same UIDs, labels, endpoint and URLs', (_version, study) => {
    expect(study?.errors).toEqual([]);
    expect(study).toMatchObject({
      studyInstanceUid: STUDY,
      modalities: ['CT'],
      procedure: 'CT Head',
      description: 'CT Head',
      accession: 'W12342398',
      encounterId: 'visit-7',
      bodySites: ['Upper Trunk Structure'],
      unavailableReason: null,
    });
    const [series] = study?.series ?? [];
    expect(series?.errors).toEqual([]);
    expect(series).toMatchObject({ uid: SERIES, number: 3, modality: 'CT', description: 'CT Surview 180' });
    expect(series?.wadoRs?.address).toBe(PACS);
    expect(series?.metadataUrl).toBe(`${PACS}/studies/${STUDY}/series/${SERIES}/metadata`);
    expect(series?.instances[0]).toMatchObject({
      uid: INSTANCE,
      sopClassUid: CT_IMAGE_STORAGE,
      wadoRsUrl: `${PACS}/studies/${STUDY}/series/${SERIES}/instances/${INSTANCE}`,
      errors: [],
    });
  });

  it('keeps the availability STU3 and the drafts give, which R4 and R5 do not have', () => {
    expect([fromStu3, fromDraft].map((study) => study?.availability)).toEqual(['ONLINE', 'ONLINE']);
    expect([fromR4, fromR5].map((study) => study?.availability)).toEqual([null, null]);
    expect(fromStu3?.series[0]?.availability).toBe('ONLINE');
  });

  it('still checks a prefixed series or instance UID after removing the prefix', () => {
    const [study] = readImagingStudies(
      createResourcePool([
        {
          ...stu3,
          series: [{ ...stu3.series[0], uid: 'urn:oid:1.2.x', instance: [{ uid: 'urn:oid:' }] }],
        },
        stu3Endpoint,
      ]),
    );
    expect(study?.series[0]?.uid).toBeNull();
    expect(study?.series[0]?.errors).toContain('Series 3 UID "urn:oid:1.2.x" is not a valid DICOM UID.');
    expect(study?.series[0]?.instances[0]?.errors).toEqual([
      'Instance at position 1 UID "urn:oid:" is not a valid DICOM UID.',
    ]);
  });
});

describe('availability', () => {
  const readWith = (study: object) =>
    readImagingStudies(createResourcePool([{ ...r4, ...study }, r4Endpoint]))[0];
  const offlineSeries = { ...r4.series[0], availability: 'OFFLINE' };

  it('does not fetch an OFFLINE or UNAVAILABLE series, and says why', () => {
    for (const availability of ['OFFLINE', 'UNAVAILABLE', 'offline']) {
      const study = readWith({ series: [{ ...r4.series[0], availability }] });
      const [series] = study?.series ?? [];
      expect(series?.availability).toBe(availability.toUpperCase());
      expect(series?.key).toBeNull();
      expect(series?.metadataUrl).toBeNull();
      expect(series?.instances[0]?.wadoRsUrl).toBeNull();
      expect(series?.errors.join(' ')).toMatch(/cannot be fetched/);
      // Every series is out of reach: the study cannot be opened, and the list says why.
      expect(study?.unavailableReason).toMatch(/^Images unavailable\. The archive .*availability /);
    }
  });

  it('inherits the study availability, and a series may say otherwise', () => {
    const study = readWith({
      availability: 'OFFLINE',
      series: [r4.series[0], { ...r4.series[0], uid: `${SERIES}.2`, number: 4, availability: 'ONLINE' }],
    });
    expect(study?.series.map((series) => series.availability)).toEqual(['OFFLINE', 'ONLINE']);
    expect(study?.series.map((series) => series.key === null)).toEqual([true, false]);
    expect(study?.unavailableReason).toBeNull();
  });

  it('fetches a NEARLINE series (slowly) and opens a study with one offline series of two', () => {
    const study = readWith({
      series: [
        { ...r4.series[0], availability: 'NEARLINE' },
        { ...offlineSeries, uid: `${SERIES}.2` },
      ],
    });
    expect(study?.series[0]?.key).not.toBeNull();
    expect(study?.series[0]?.errors).toEqual([]);
    expect(study?.unavailableReason).toBeNull();
  });

  it('ignores values that are not availability codes', () => {
    const study = readWith({ availability: 'SOMETIMES', series: [{ ...r4.series[0], availability: 3 }] });
    expect(study?.availability).toBeNull();
    expect(study?.series[0]?.availability).toBeNull();
    expect(study?.series[0]?.key).not.toBeNull();
  });
});
