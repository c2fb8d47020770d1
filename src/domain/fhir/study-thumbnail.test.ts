import { describe, expect, it } from 'vitest';
import { studyOnWadoRs } from './testing/study-on-wado-rs';
import { chooseThumbnailInstance, middleFrameOf } from './study-thumbnail';

const BASE = 'https://pacs.example.org/dicom-web';
const STUDY_UID = '1.2.840.1';

/** A study on a WADO-RS server that also names a WADO-URI one (`#uri`) for series to point at. */
const studyOf = (study: Record<string, unknown>) =>
  studyOnWadoRs(STUDY_UID, BASE, {
    contained: [
      {
        resourceType: 'Endpoint',
        id: 'pacs',
        status: 'active',
        connectionType: { code: 'dicom-wado-rs' },
        address: BASE,
      },
      {
        resourceType: 'Endpoint',
        id: 'uri',
        status: 'active',
        connectionType: { code: 'dicom-wado-uri' },
        address: 'https://pacs.example.org/wado',
      },
    ],
    ...study,
  });

const instances = (series: string, numbers: number[]) =>
  numbers.map((number) => ({ uid: `${series}.${number}`, number }));

describe('chooseThumbnailInstance', () => {
  it('takes the middle instance (by number) of the first viewable series', () => {
    const study = studyOf({
      series: [
        { modality: { code: 'CT' } },
        { uid: '1.2.840.1.2', instance: instances('1.2.840.1.2', [3, 1, 2, 4]) },
      ],
    });
    expect(chooseThumbnailInstance(study)).toEqual({
      instance: { base: BASE, study: STUDY_UID, series: '1.2.840.1.2', instance: '1.2.840.1.2.3' },
    });
  });

  it('passes over a series WADO-RS does not serve, or that lists no image, to one that can be previewed', () => {
    const own = { endpoint: [{ reference: '#pacs' }] };
    const study = studyOf({
      endpoint: [{ reference: '#uri' }],
      series: [
        { uid: '1.2.840.1.1', instance: instances('1.2.840.1.1', [1]) },
        { uid: '1.2.840.1.2', ...own },
        { uid: '1.2.840.1.3', ...own, instance: instances('1.2.840.1.3', [1]) },
      ],
    });
    expect(study.series.map((series) => series.wadoRs !== null)).toEqual([false, true, true]);
    expect(chooseThumbnailInstance(study).instance?.series).toBe('1.2.840.1.3');
  });

  it('says why there is no preview of a study only WADO-URI serves', () => {
    const study = studyOf({
      endpoint: [{ reference: '#uri' }],
      series: [{ uid: '1.2.840.1.2', instance: instances('1.2.840.1.2', [1, 2]) }],
    });
    expect(study.unavailableReason).toBeNull();
    expect(chooseThumbnailInstance(study)).toEqual({
      instance: null,
      none: {
        brief: 'No preview: WADO-URI only',
        sentence: expect.stringMatching(/WADO-URI only \(whole files\)/),
      },
    });
  });

  it('says why there is no preview of a study that lists no image, or cannot be opened', () => {
    expect(chooseThumbnailInstance(studyOf({ series: [{ uid: '1.2.840.1.2' }] }))).toEqual({
      instance: null,
      none: { brief: 'No preview: no images listed', sentence: expect.stringMatching(/lists no images/) },
    });
    const registered = studyOf({ status: 'registered' });
    expect(registered.unavailableReason).not.toBeNull();
    expect(chooseThumbnailInstance(registered)).toEqual({
      instance: null,
      none: { brief: 'No preview', sentence: registered.unavailableReason },
    });
    const noServer = studyOf({
      endpoint: [],
      series: [{ uid: '1.2.840.1.2', instance: instances('1.2.840.1.2', [1]) }],
    });
    expect(chooseThumbnailInstance(noServer).instance).toBeNull();
  });

  it('picks the middle frame of a multi-frame instance, 1-based', () => {
    expect([null, 1, 2, 3, 10].map(middleFrameOf)).toEqual([1, 1, 1, 2, 5]);
  });
});
