import { describe, expect, it } from 'vitest';
import { DicomTag } from './dicom-json';
import { clampFrameRate, defaultCineFrameRate } from './cine-rate';

describe('defaultCineFrameRate', () => {
  it('prefers the recommended rate, then cine rate, then frame time', () => {
    expect(
      defaultCineFrameRate({
        [DicomTag.RecommendedDisplayFrameRate]: { Value: [25] },
        [DicomTag.FrameTime]: { Value: [100] },
      }),
    ).toBe(25);
    expect(defaultCineFrameRate({ [DicomTag.CineRate]: { Value: ['15'] } })).toBe(15);
    expect(defaultCineFrameRate({ [DicomTag.FrameTime]: { Value: [33.3] } })).toBe(30);
  });
  it('falls back to 10 per second and keeps rates sane', () => {
    expect(defaultCineFrameRate({})).toBe(10);
    expect(defaultCineFrameRate(null)).toBe(10);
    expect(defaultCineFrameRate({ [DicomTag.FrameTime]: { Value: [0] } })).toBe(10);
    expect(clampFrameRate(500)).toBe(60);
    expect(clampFrameRate(0.2)).toBe(1);
  });
});
