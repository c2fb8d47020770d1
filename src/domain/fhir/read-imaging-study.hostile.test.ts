/**
 * What a hostile or broken ImagingStudy reads as: honest labels instead of guesses, and never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDPOINT_CONNECTION_TYPE_SYSTEM } from './connection-type';
import { parseDeepLink } from './deep-link';
import type { ImagingStudy } from './fhir-types';
import { patientIdentityOf } from './patient-identity';
import { MAX_PLAUSIBLE_INSTANCES } from './read-count';
import { readImagingStudy, readStudyList } from './read-imaging-study';
import { createResourcePool } from './resource-pool';
import { sortStudies } from './study-list-query';

const rs = {
  resourceType: 'Endpoint',
  id: 'rs',
  status: 'active',
  connectionType: { system: ENDPOINT_CONNECTION_TYPE_SYSTEM, code: 'dicom-wado-rs' },
  address: 'https://pacs.example/rs',
};
const series = (uid: string, number: number, instances: number) => ({
  uid,
  number,
  modality: { code: 'CT' },
  instance: Array.from({ length: instances }, (_, i) => ({ uid: `${uid}.${i + 1}`, number: i + 1 })),
});
const read = (extra: Record<string, unknown>) =>
  readImagingStudy(
    {
      resourceType: 'ImagingStudy',
      id: 's',
      identifier: [{ system: 'urn:dicom:uid', value: 'urn:oid:1.2.3' }],
      endpoint: [{ reference: 'Endpoint/rs' }],
      ...extra,
    } as ImagingStudy,
    createResourcePool([rs]),
  );

describe('readImagingStudy: odd values get honest labels', () => {
  it('keeps a started that is not a FHIR dateTime apart, as written', () => {
    expect(read({ started: 'last Tuesday' })).toMatchObject({
      started: null,
      startedInvalid: 'last Tuesday',
    });
    expect(read({ started: '2020-02-30' })).toMatchObject({ started: null, startedInvalid: '2020-02-30' });
    expect(read({ started: '2020-02-29T10:00:00Z' })).toMatchObject({
      started: '2020-02-29T10:00:00Z',
      startedInvalid: null,
    });
    expect(read({})).toMatchObject({ started: null, startedInvalid: null });
  });

  it.each([-3, 2.5, Number.MAX_SAFE_INTEGER, MAX_PLAUSIBLE_INSTANCES + 1, '7'])(
    'ignores the count %j and counts what is listed',
    (count) => {
      const study = read({
        numberOfSeries: count,
        numberOfInstances: count,
        series: [{ ...series('1.2.3.1', 1, 2), numberOfInstances: count }, series('1.2.3.2', 2, 1)],
      });
      expect(study.numberOfSeries).toBe(2);
      expect(study.numberOfInstances).toBe(3);
    },
  );

  it('keeps plausible counts as declared', () => {
    const study = read({ numberOfSeries: 4, numberOfInstances: 120, series: [series('1.2.3.1', 1, 1)] });
    expect(study).toMatchObject({ numberOfSeries: 4, numberOfInstances: 120 });
  });

  it('says the UID value is missing, not the system, for a urn:dicom:uid identifier with a null value', () => {
    const study = read({ identifier: [{ system: 'urn:dicom:uid', value: null }] });
    expect(study.studyInstanceUid).toBeNull();
    expect(study.unavailableReason).toMatch(/has the value null/);
    expect(study.unavailableReason).not.toMatch(/no identifier has system/);
  });

  it('flags two series with one Series Instance UID, on the study and on the second series, keeping both', () => {
    const study = read({
      series: [series('1.2.3.1', 1, 2), series('1.2.3.9', 2, 1), series('1.2.3.1', 3, 5)],
    });
    expect(study.series).toHaveLength(3);
    expect(study.errors).toEqual([
      'Two or more series share the Series Instance UID 1.2.3.1: their images cannot be told apart.',
    ]);
    expect(study.series[0]?.errors).toEqual([]);
    expect(study.series[2]?.errors).toEqual([
      'Duplicate Series Instance UID 1.2.3.1: also used by series 1.',
    ]);
    // The study can still be opened: the other series are fine.
    expect(study.unavailableReason).toBeNull();
  });
});

describe('sorting by date: an invalid date is never the newest', () => {
  const studies = readStudyList([
    {
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'ImagingStudy', id: 'bad', started: '9999-99-99 (typo)' } },
        { resource: { resourceType: 'ImagingStudy', id: 'old', started: '2001-01-01' } },
        { resource: { resourceType: 'ImagingStudy', id: 'new', started: '2024-05-05T10:00:00Z' } },
        { resource: { resourceType: 'ImagingStudy', id: 'none' } },
      ],
    },
  ]);
  it.each(['asc', 'desc'] as const)('goes after every dated study, %s', (direction) => {
    const ids = sortStudies(studies, 'date', direction).map((study) => study.id);
    expect(ids.slice(0, 2)).toEqual(direction === 'desc' ? ['new', 'old'] : ['old', 'new']);
    expect(ids.slice(2).sort()).toEqual(['bad', 'none']);
  });
});

describe('the readers never throw, whatever JSON they are given', () => {
  it('readImagingStudy', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.anything(), (resource, pooled) => {
        const pool = createResourcePool([pooled]);
        expect(() => readImagingStudy(resource as unknown as ImagingStudy, pool)).not.toThrow();
      }),
    );
  });

  it('readImagingStudy on objects shaped like an ImagingStudy', () => {
    const keys = fc.constantFrom(
      'started',
      'numberOfSeries',
      'numberOfInstances',
      'status',
      'identifier',
      'series',
      'description',
      'procedureCode',
      'endpoint',
      'modality',
      'encounter',
      'referrer',
    );
    fc.assert(
      fc.property(fc.dictionary(keys, fc.jsonValue()), (fields) => {
        expect(() =>
          readImagingStudy(
            { resourceType: 'ImagingStudy', ...fields } as ImagingStudy,
            createResourcePool([]),
          ),
        ).not.toThrow();
      }),
    );
  });

  it('readStudyList on arbitrary pages', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 3 }), (pages) => {
        expect(() => readStudyList(pages)).not.toThrow();
      }),
    );
  });

  it('patientIdentityOf', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (patient) => {
        expect(() => patientIdentityOf(patient)).not.toThrow();
      }),
    );
  });

  it('parseDeepLink on arbitrary query strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (query, uid) => {
        expect(() => parseDeepLink(new URLSearchParams(query))).not.toThrow();
        expect(() => parseDeepLink(new URLSearchParams({ StudyInstanceUIDs: uid }))).not.toThrow();
      }),
    );
  });
});
