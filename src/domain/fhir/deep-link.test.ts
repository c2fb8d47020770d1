import { describe, expect, it } from 'vitest';
import { parseSeriesInstanceUid, parseStudyInstanceUid } from '../dicomweb/dicom-uid';
import {
  buildComparePath,
  buildViewerPath,
  compareStudyUidOf,
  parseDeepLink,
  studySearchParams,
} from './deep-link';
import { checked } from '../dicomweb/testing/checked-inputs';

const parse = (query: string) => parseDeepLink(new URLSearchParams(query));

describe('parseDeepLink', () => {
  it('reads OHIF StudyInstanceUIDs (first of a comma list) and SeriesInstanceUID', () => {
    expect(parse('StudyInstanceUIDs=1.2.3,4.5.6&SeriesInstanceUID=1.2.3.4')).toEqual({
      kind: 'study-uid',
      studyUid: '1.2.3',
      seriesUid: '1.2.3.4',
    });
  });

  it('reads an IID STUDY request, tolerating case and a urn:oid: prefix', () => {
    expect(parse('requestType=study&studyUID=urn:oid:2.25.7')).toEqual({
      kind: 'study-uid',
      studyUid: '2.25.7',
      seriesUid: null,
    });
  });

  it('reads an IID PATIENT request as a request for the list', () => {
    expect(parse('requestType=PATIENT&patientID=PLASTIC')).toEqual({ kind: 'patient', patientId: 'PLASTIC' });
    expect(parse('requestType=PATIENT')).toEqual({ kind: 'patient', patientId: null });
  });

  it('reads a SMART fhirContext study id, with or without its type', () => {
    expect(parse('ImagingStudy=phantom-ct')).toMatchObject({ kind: 'study-id', id: 'phantom-ct' });
    expect(parse('ImagingStudy=ImagingStudy/phantom-ct')).toMatchObject({
      kind: 'study-id',
      id: 'phantom-ct',
    });
  });

  it('calls a malformed UID or id invalid instead of searching for it', () => {
    expect(parse('StudyInstanceUIDs=1.2.x')).toEqual({ kind: 'invalid', raw: '1.2.x' });
    expect(parse('StudyInstanceUIDs=')).toEqual({ kind: 'invalid', raw: '' });
    expect(parse('StudyInstanceUIDs=abc')).toEqual({ kind: 'invalid', raw: 'abc' });
    expect(parse('StudyInstanceUIDs=1..2')).toEqual({ kind: 'invalid', raw: '1..2' });
    expect(parse('ImagingStudy=a|b')).toEqual({ kind: 'invalid', raw: 'a|b' });
  });

  it('ignores a malformed series UID rather than refusing the study', () => {
    expect(parse('StudyInstanceUIDs=1.2&SeriesInstanceUID=bad')).toMatchObject({ seriesUid: null });
  });

  it('says none when nothing is asked for', () => {
    expect(parse('')).toEqual({ kind: 'none' });
    expect(parse('studyUID=1.2')).toEqual({ kind: 'none' });
  });
});

describe('studySearchParams', () => {
  it('searches the identifier token with the urn:dicom:uid system, within the patient', () => {
    const params = studySearchParams('p1', {
      kind: 'study-uid',
      studyUid: checked(parseStudyInstanceUid('1.2.3')),
      seriesUid: null,
    });
    expect(params?.get('patient')).toBe('p1');
    expect(params?.get('identifier')).toBe('urn:dicom:uid|urn:oid:1.2.3');
    expect(params?.get('_include')).toBe('ImagingStudy:endpoint');
    expect(params?.toString()).toContain('identifier=urn%3Adicom%3Auid%7Curn%3Aoid%3A1.2.3');
  });

  it('searches by _id within the patient for a fhirContext id', () => {
    const params = studySearchParams('p1', { kind: 'study-id', id: 'x', seriesUid: null });
    expect(params?.get('_id')).toBe('x');
    expect(params?.get('patient')).toBe('p1');
  });

  it('has nothing to search for other requests', () => {
    expect(studySearchParams('p1', { kind: 'none' })).toBeNull();
  });
});

describe('buildViewerPath', () => {
  it('writes a link parseDeepLink reads back to the same study and series', () => {
    const path = buildViewerPath(
      checked(parseStudyInstanceUid('1.2.3')),
      checked(parseSeriesInstanceUid('1.2.3.4')),
    );
    expect(path).toBe('/viewer?StudyInstanceUIDs=1.2.3&SeriesInstanceUID=1.2.3.4');
    expect(parse(path.split('?')[1] ?? '')).toEqual({
      kind: 'study-uid',
      studyUid: '1.2.3',
      seriesUid: '1.2.3.4',
    });
  });
});

describe('compareStudyUidOf', () => {
  const second = (query: string) => compareStudyUidOf(new URLSearchParams(query));

  it('reads the second study of an OHIF comma list', () => {
    expect(second('StudyInstanceUIDs=1.2.3,%20urn:oid:4.5.6')).toEqual({
      kind: 'study-uid',
      studyUid: '4.5.6',
    });
  });

  it('is null for one study, an empty second entry or the same study twice', () => {
    expect(second('StudyInstanceUIDs=1.2.3')).toBeNull();
    expect(second('StudyInstanceUIDs=1.2.3,')).toBeNull();
    expect(second('StudyInstanceUIDs=1.2.3,1.2.3')).toBeNull();
    expect(second('ImagingStudy=phantom-ct')).toBeNull();
  });

  it('says a second entry that is not a UID is invalid', () => {
    expect(second('StudyInstanceUIDs=1.2.3,abc')).toEqual({ kind: 'invalid', raw: 'abc' });
  });

  it('round-trips through buildComparePath with the series', () => {
    const [a, b] = [checked(parseStudyInstanceUid('1.2.3')), checked(parseStudyInstanceUid('4.5.6'))];
    const path = buildComparePath(a, b, checked(parseSeriesInstanceUid('7.8')));
    const params = new URL(path, 'http://app.test').searchParams;
    expect(parseDeepLink(params)).toEqual({ kind: 'study-uid', studyUid: a, seriesUid: '7.8' });
    expect(compareStudyUidOf(params)).toEqual({ kind: 'study-uid', studyUid: b });
  });
});
