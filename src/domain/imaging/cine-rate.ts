import { DicomTag, dicomNumber, type DicomJsonInstance } from './dicom-json';

export const DEFAULT_CINE_FPS = 10;
const MAX_CINE_FPS = 60;

/**
 * The frame rate a multi-frame acquisition was meant to be played at: RecommendedDisplayFrameRate,
 * else CineRate, else 1000 / FrameTime (ms). Stacks of slices have none of these: 10 per second.
 */
export function defaultCineFrameRate(instance: DicomJsonInstance | null | undefined): number {
  if (!instance) return DEFAULT_CINE_FPS;
  const frameTime = dicomNumber(instance, DicomTag.FrameTime);
  const candidates = [
    dicomNumber(instance, DicomTag.RecommendedDisplayFrameRate),
    dicomNumber(instance, DicomTag.CineRate),
    frameTime && frameTime > 0 ? 1000 / frameTime : null,
  ];
  const rate = candidates.find((value): value is number => value !== null && value > 0);
  return rate === undefined ? DEFAULT_CINE_FPS : clampFrameRate(rate);
}

export function clampFrameRate(fps: number): number {
  if (!Number.isFinite(fps)) return DEFAULT_CINE_FPS;
  return Math.min(MAX_CINE_FPS, Math.max(1, Math.round(fps)));
}
