import { describe, expect, it } from 'vitest';
import { instanceOfFrameUrl, nextFrameRetrieval, WHOLE_INSTANCE } from './frame-retrieval';

const ELE = '1.2.840.10008.1.2.1';

describe('nextFrameRetrieval', () => {
  it('asks for explicit little endian after a refused `*`, then for the whole instance', () => {
    expect(nextFrameRetrieval('*', new Set(['*']), 400)).toBe(ELE);
    expect(nextFrameRetrieval(ELE, new Set(['*', ELE]), 400)).toBe(WHOLE_INSTANCE);
  });
  it('tries `*` once after explicit little endian when that was asked first (big-endian, deflated)', () => {
    expect(nextFrameRetrieval(ELE, new Set([ELE]), 415)).toBe('*');
    expect(nextFrameRetrieval('*', new Set([ELE, '*']), 406)).toBe(WHOLE_INSTANCE);
  });
  it('moves on for every refusal a different encoding may cure', () => {
    for (const status of [400, 406, 415, 500])
      expect(nextFrameRetrieval('*', new Set(['*']), status)).toBe(ELE);
  });
  it('stops where asking differently cannot help, and after the whole instance', () => {
    for (const status of [401, 403, 404, 503, null])
      expect(nextFrameRetrieval('*', new Set(['*']), status)).toBeNull();
    expect(nextFrameRetrieval(WHOLE_INSTANCE, new Set(['*', ELE, WHOLE_INSTANCE]), 400)).toBeNull();
  });
});

describe('instanceOfFrameUrl', () => {
  it('finds the instance and the frame number of a WADO-RS frame URL', () => {
    expect(instanceOfFrameUrl('https://p/dicom-web/studies/1.2/series/1.3/instances/1.4/frames/2')).toEqual({
      instanceUrl: 'https://p/dicom-web/studies/1.2/series/1.3/instances/1.4',
      frame: 2,
    });
  });
  it('is null for anything else', () => {
    expect(instanceOfFrameUrl('https://p/dicom-web/studies/1.2/series/1.3/instances/1.4')).toBeNull();
    expect(instanceOfFrameUrl('https://p/wado?requestType=WADO&objectUID=1.4')).toBeNull();
    expect(
      instanceOfFrameUrl('https://p/dicom-web/studies/1.2/series/1.3/instances/1.4/frames/0'),
    ).toBeNull();
  });
});
