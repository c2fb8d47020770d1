/**
 * Which image stands for a study in the list: the middle instance of its first series (the middle
 * slice of a stack shows anatomy; the first is often outside it), and the middle frame of a
 * multi-frame instance for the same reason.
 */
import type { SeriesInstanceUid, SopInstanceUid, StudyInstanceUid } from '../dicomweb/dicom-uid';
import type { DicomWebBaseUrl } from '../dicomweb/dicomweb-base-url';
import { parseFrameNumber, type FrameNumber } from '../dicomweb/frame-number';
import type { Study } from './study';

export interface ThumbnailInstance {
  base: DicomWebBaseUrl;
  study: StudyInstanceUid;
  series: SeriesInstanceUid;
  instance: SopInstanceUid;
}

export function chooseThumbnailInstance(study: Study): ThumbnailInstance | null {
  const studyUid = study.studyInstanceUid;
  if (studyUid === null) return null;
  // The first series the viewer could show: one without a UID, an image server or available images
  // (its key) has no picture.
  const series = study.series.find((item) => item.key !== null);
  if (!series?.uid || !series.wadoRs) return null;
  const instances = series.instances
    .map((instance, index) => ({ instance, index }))
    .filter(({ instance }) => instance.uid !== null)
    .sort(
      (a, b) =>
        (a.instance.number ?? Number.MAX_SAFE_INTEGER) - (b.instance.number ?? Number.MAX_SAFE_INTEGER) ||
        a.index - b.index,
    );
  const middle = instances[Math.floor(instances.length / 2)]?.instance.uid ?? null;
  if (middle === null) return null;
  return { base: series.wadoRs.address, study: studyUid, series: series.uid, instance: middle };
}

/** The middle frame (1-based) of an instance with `count` frames; frame 1 when the count is unknown. */
export function middleFrameOf(count: number | null): FrameNumber {
  const frames = parseFrameNumber(count) ?? 1;
  return (Math.floor((frames - 1) / 2) + 1) as FrameNumber;
}
