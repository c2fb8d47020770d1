import { describe, expect, it } from 'vitest';
import {
  parseSeriesInstanceUid,
  parseSopInstanceUid,
  parseStudyInstanceUid,
  type StudyInstanceUid,
} from '../dicomweb/dicom-uid';
import { parseDicomWebBaseUrl } from '../dicomweb/dicomweb-base-url';
import type { StudyEndpoint } from '../fhir/study';
import { likelyFirstInstance, likelyStackFramesOf } from './first-image-guess';

describe('likelyFirstInstance', () => {
  it('picks the lowest instance number with a UID', () => {
    const list = [
      { uid: 'b', number: 2 },
      { uid: null, number: 0 },
      { uid: 'a', number: 1 },
      { uid: 'c', number: null },
    ];
    expect(likelyFirstInstance(list)?.uid).toBe('a');
  });
  it('takes the first listed when none is numbered, and nothing from an empty list', () => {
    expect(
      likelyFirstInstance([
        { uid: 'x', number: null },
        { uid: 'y', number: null },
      ])?.uid,
    ).toBe('x');
    expect(likelyFirstInstance([])).toBeNull();
  });
});

describe('likelyStackFramesOf', () => {
  const base = parseDicomWebBaseUrl('https://pacs.example/dicom-web');
  if (!base.ok) throw new Error(base.reason);
  const wadoRs = { address: base.url, connectionType: 'dicom-wado-rs' } as StudyEndpoint;
  const study = parseStudyInstanceUid('1.2.3') as StudyInstanceUid;
  const uid = parseSeriesInstanceUid('1.2.3.4');
  const instance = (sop: string | null, number: number | null) => ({
    uid: sop === null ? null : parseSopInstanceUid(sop),
    number,
  });
  const instances = [
    instance('1.9.3', 3),
    instance(null, 0),
    instance('1.9.1', 1),
    instance('1.9.9', null),
    instance('1.9.2', 2),
  ];

  it("gives every listed instance's first frame, in InstanceNumber order, unnumbered ones last", () => {
    expect(likelyStackFramesOf(study, { uid, wadoRs, instances })).toEqual(
      ['1.9.1', '1.9.2', '1.9.3', '1.9.9'].map(
        (sop) =>
          `wadors:https://pacs.example/dicom-web/studies/1.2.3/series/1.2.3.4/instances/${sop}/frames/1`,
      ),
    );
  });

  it('gives nothing without a WADO-RS address or a series UID', () => {
    expect(likelyStackFramesOf(study, { uid, wadoRs: null, instances })).toEqual([]);
    expect(likelyStackFramesOf(study, { uid: null, wadoRs, instances })).toEqual([]);
  });
});
