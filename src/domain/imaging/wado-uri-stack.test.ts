import { describe, expect, it } from 'vitest';
import type { StudyInstance } from '../fhir/study';
import { DicomTag, dicomNumber, dicomString } from './dicom-json';
import { wadoUriStackOf } from './wado-uri-stack';

const url = (uid: string) =>
  `https://pacs/wado?requestType=WADO&studyUID=1.2&seriesUID=1.2.3&objectUID=${uid}`;
const instance = (uid: string | null, number: number | null): StudyInstance => ({
  uid: uid as StudyInstance['uid'],
  rawUid: uid,
  number,
  sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
  wadoRsUrl: null,
  wadoUriUrl: uid ? url(uid) : null,
  errors: [],
});
const series = (instances: StudyInstance[]) => ({
  uid: '1.2.3' as never,
  modality: 'CT',
  number: 2,
  description: 'Axial',
  instances,
});

describe('wadoUriStackOf', () => {
  it('orders the listed instances by Instance Number, unnumbered last in record order', () => {
    const { images, leftOut } = wadoUriStackOf(
      series([
        instance('1.9', null),
        instance('1.3', 3),
        instance('1.1', 1),
        instance('1.8', null),
        instance('1.2', 2),
      ]),
    );
    expect(images.map((image) => dicomString(image.metadata, DicomTag.SopInstanceUid))).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.9',
      '1.8',
    ]);
    expect(leftOut).toBeNull();
  });

  it('asks each file for the DICOM object under the wadouri: scheme', () => {
    const [image] = wadoUriStackOf(series([instance('1.1', 1)])).images;
    expect(image?.imageId).toBe(`wadouri:${url('1.1')}&contentType=application/dicom`);
    expect(dicomNumber(image?.metadata ?? {}, DicomTag.InstanceNumber)).toBe(1);
    expect(dicomString(image?.metadata ?? {}, DicomTag.Modality)).toBe('CT');
    expect(dicomString(image?.metadata ?? {}, DicomTag.SopClassUid)).toBe('1.2.840.10008.5.1.4.1.1.2');
  });

  it('says how many listed instances cannot be fetched', () => {
    const { images, leftOut } = wadoUriStackOf(series([instance('1.1', 1), instance(null, 2)]));
    expect(images).toHaveLength(1);
    expect(leftOut).toBe('The record lists 2 instances; 1 can be shown.');
  });

  it('says the order is the instance numbers (or the record’s), positions being unknown before the files load', () => {
    const numbered = wadoUriStackOf(series([instance('1.2', 2), instance('1.1', null)])).order;
    expect(numbered?.brief).toBe('by instance number');
    expect(numbered?.sentence).toBe('By instance number; positions unknown until loaded.');
    const unnumbered = wadoUriStackOf(series([instance('1.2', null), instance('1.1', null)])).order;
    expect(unnumbered?.brief).toBe('in the record’s order');
    expect(unnumbered?.sentence).toMatch(/no instance numbers/);
    expect(wadoUriStackOf(series([instance('1.1', 1)])).order).toBeNull();
  });
});
