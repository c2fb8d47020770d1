import { describe, expect, it } from 'vitest';
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import type { StudySeries } from '@/domain/fhir/study';
import { DicomTag, dicomString, type DicomJsonInstance } from '@/domain/imaging/dicom-json';
import { LOCAL_SERIES_PREFIX, setLocalSeries } from '@/lib/local-series';
import { getLocalSeriesStack } from './get-local-series-stack';

const KEY = `${LOCAL_SERIES_PREFIX}1.2.3` as SeriesKey;

/** An axial CT slice's header: its Instance Number and its height (z) along the slice normal. */
const slice = (uid: string, number: number, z: number): DicomJsonInstance => ({
  [DicomTag.SopInstanceUid]: { vr: 'UI', Value: [uid] },
  [DicomTag.SopClassUid]: { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
  [DicomTag.InstanceNumber]: { vr: 'IS', Value: [number] },
  [DicomTag.ImagePositionPatient]: { vr: 'DS', Value: [0, 0, z] },
  [DicomTag.ImageOrientationPatient]: { vr: 'DS', Value: [1, 0, 0, 0, 1, 0] },
});

describe('getLocalSeriesStack', () => {
  it('orders files by their position along the slice normal, as a WADO-RS series, not by Instance Number', () => {
    // Instance Numbers that disagree with the positions (a re-numbered or merged series).
    const headers = [slice('1.1', 1, 20), slice('1.2', 2, 0), slice('1.3', 3, 10)];
    setLocalSeries(new Map([[KEY, headers.map((metadata, i) => ({ metadata, imageIds: [`local:${i}`] }))]]));
    const stack = getLocalSeriesStack({ key: KEY } as StudySeries);
    expect(stack.images.map((image) => dicomString(image.metadata, DicomTag.SopInstanceUid))).toEqual([
      '1.2',
      '1.3',
      '1.1',
    ]);
    expect(stack.images.map((image) => image.imageId)).toEqual(['local:1', 'local:2', 'local:0']);
    expect(stack.order).toBeNull();
  });
});
