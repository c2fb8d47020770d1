import { describe, expect, it } from 'vitest';
import { fhirDateTimeOf } from './dicom-date-time';
import { describeFolderLayout } from './folder-layout';
import { compareUids, groupDicomFiles } from './group-dicom-files';
import { buildImagingStudyBundle } from './imaging-study-bundle';
import { nameBasedUuid } from './name-based-uuid';
import { summary } from './testing/summary';

const file = (path: string, study: string, series: string, instance: string, extra = {}) =>
  summary(path, { study, series, instance }, extra);

describe('groupDicomFiles', () => {
  it('groups by UIDs, orders studies by UID and series and instances by number then UID', () => {
    const { studies, duplicates } = groupDicomFiles([
      file('b/2', '1.2.10', '1.2.10.1', '1.2.10.1.2', { instanceNumber: 2, seriesNumber: 5 }),
      file('a/1', '1.2.9', '1.2.9.7', '1.2.9.7.1', { seriesNumber: null }),
      file('a/2', '1.2.9', '1.2.9.3', '1.2.9.3.1', { seriesNumber: 2 }),
      file('b/1', '1.2.10', '1.2.10.1', '1.2.10.1.1', { instanceNumber: 1, seriesNumber: 5 }),
      file('copy/1', '1.2.10', '1.2.10.1', '1.2.10.1.1', { instanceNumber: 1, seriesNumber: 5 }),
    ]);
    expect(studies.map((study) => study.uid)).toEqual(['1.2.9', '1.2.10']);
    expect(studies[0]?.series.map((series) => series.uid)).toEqual(['1.2.9.3', '1.2.9.7']);
    expect(studies[1]?.series[0]?.instances.map((instance) => instance.path)).toEqual(['b/1', 'b/2']);
    expect(duplicates).toEqual(['copy/1']);
    expect(compareUids('1.2.9', '1.2.10')).toBeLessThan(0);
  });
});

describe('fhirDateTimeOf', () => {
  it('keeps a time only with its zone (FHIR requires one)', () => {
    expect(fhirDateTimeOf('20240131', '101500.25', '+0100')).toBe('2024-01-31T10:15:00.25+01:00');
    expect(fhirDateTimeOf('20240131', '1015', null)).toBe('2024-01-31');
    expect(fhirDateTimeOf('2024', '1015', '+0000')).toBeNull();
  });
});

describe('buildImagingStudyBundle', () => {
  const grouping = groupDicomFiles([
    file('x/1', '1.2.3', '1.2.3.1', '1.2.3.1.1', {
      modality: 'CT',
      seriesNumber: 2,
      instanceNumber: 1,
      studyDate: '20240131',
      studyTime: '101500',
      timezoneOffset: '-0500',
      studyDescription: 'CT HEAD',
      seriesDescription: 'AXIAL',
      accessionNumber: 'ACC9',
      patientId: 'MRN1',
      patientName: 'DOE^JANE^Q',
      patientBirthDate: '19700101',
      patientSex: 'F',
      bodyPartExamined: 'head',
      laterality: 'L',
    }),
    file('x/2', '1.2.3', '1.2.3.9', '1.2.3.9.1', {
      modality: 'SR',
      sopClassUid: '1.2.840.10008.5.1.4.1.1.88.33',
      title: 'Diagnostic Imaging Report',
      patientId: 'MRN1',
      patientName: 'DOE^JANE^Q',
    }),
  ]);

  it('describes each study as R4 ImagingStudy with a Patient from the files', () => {
    const bundle = buildImagingStudyBundle(grouping.studies) as {
      type: string;
      entry: { fullUrl: string; resource: Record<string, unknown> }[];
    };
    expect(bundle.type).toBe('collection');
    const [patient, study] = bundle.entry;
    expect(patient?.resource).toEqual({
      resourceType: 'Patient',
      identifier: [{ value: 'MRN1' }],
      name: [{ family: 'DOE', given: ['JANE', 'Q'] }],
      gender: 'female',
      birthDate: '1970-01-01',
    });
    expect(study?.resource).toMatchObject({
      resourceType: 'ImagingStudy',
      identifier: [
        { system: 'urn:dicom:uid', value: 'urn:oid:1.2.3' },
        { type: { coding: [{ code: 'ACSN' }] }, value: 'ACC9' },
      ],
      status: 'available',
      modality: [
        { system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' },
        { system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'SR' },
      ],
      subject: { reference: patient?.fullUrl },
      started: '2024-01-31T10:15:00-05:00',
      numberOfSeries: 2,
      numberOfInstances: 2,
      description: 'CT HEAD',
    });
    const series = (study?.resource.series ?? []) as Record<string, unknown>[];
    expect(series[0]).toMatchObject({
      uid: '1.2.3.1',
      number: 2,
      description: 'AXIAL',
      bodySite: { system: 'http://snomed.info/sct', code: '69536005', display: 'Head' },
      laterality: { code: '7771000', display: 'Left' },
      instance: [
        {
          uid: '1.2.3.1.1',
          number: 1,
          sopClass: { system: 'urn:ietf:rfc:3986', code: 'urn:oid:1.2.840.10008.5.1.4.1.1.2' },
        },
      ],
    });
    expect(series[1]).toMatchObject({ instance: [{ title: 'Diagnostic Imaging Report' }] });
  });

  it('uses the patient and encounter in context, and adds no Patient', () => {
    const bundle = buildImagingStudyBundle(grouping.studies, {
      subject: 'Patient/p1',
      encounter: 'Encounter/e1',
    }) as { entry: { resource: Record<string, unknown> }[] };
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual(['ImagingStudy']);
    expect(bundle.entry[0]?.resource).toMatchObject({
      subject: { reference: 'Patient/p1' },
      encounter: { reference: 'Encounter/e1' },
    });
  });

  it('gives stable ids', () => {
    expect(nameBasedUuid('study:1.2.3')).toBe(nameBasedUuid('study:1.2.3'));
    expect(nameBasedUuid('study:1.2.3')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('describeFolderLayout', () => {
  it('says where folders and the DICOM hierarchy disagree', () => {
    const layout = describeFolderLayout([
      file('sub-01/sam-1/a.dcm', '1.1', '1.1.1', '1.1.1.1'),
      file('sub-01/sam-1/b.dcm', '1.2', '1.2.1', '1.2.1.1'),
      file('sub-01/sam-2/c.dcm', '1.2', '1.2.1', '1.2.1.2'),
      file('sub-02/sam-1/d.dcm', '1.2', '1.2.1', '1.2.1.3'),
    ]);
    expect(layout.folders.map((folder) => [folder.path, folder.studies.length])).toEqual([
      ['sub-01/sam-1', 2],
      ['sub-01/sam-2', 1],
      ['sub-02/sam-1', 1],
    ]);
    expect(layout.disagreements).toEqual([
      'Folder "sub-01/sam-1" holds 2 studies.',
      'Series 1.2.1 is spread over 3 folders: sub-01/sam-1, sub-01/sam-2, sub-02/sam-1.',
      'Subject folders (sub-*) are not studies: "sub-01" holds 2 studies; study 1.2 spans 2 of them.',
      'Sample folders (sam-*) are not series: "sub-01/sam-1" holds 2 series; series 1.2.1 spans 3 of them.',
    ]);
  });
});
