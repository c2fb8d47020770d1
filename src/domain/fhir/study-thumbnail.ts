/**
 * Which image stands for a study in the list: the middle instance of its first series that WADO-RS
 * serves and that lists an image (the middle slice of a stack shows anatomy; the first is often
 * outside it), and the middle frame of a multi-frame instance for the same reason; else why there is
 * no preview, in words.
 */
import type { SeriesInstanceUid, SopInstanceUid, StudyInstanceUid } from '../dicomweb/dicom-uid';
import type { DicomWebBaseUrl } from '../dicomweb/dicomweb-base-url';
import { parseFrameNumber, type FrameNumber } from '../dicomweb/frame-number';
import type { Study, StudySeries } from './study';

export interface ThumbnailInstance {
  base: DicomWebBaseUrl;
  study: StudyInstanceUid;
  series: SeriesInstanceUid;
  instance: SopInstanceUid;
}

/** Why a study has no preview: a few words for the box, the whole sentence on hover and for screen readers. */
export interface NoPreview {
  brief: string;
  sentence: string;
}

/** The image that stands for the study, or why there is none; never a silent blank. */
export type ThumbnailChoice = { instance: ThumbnailInstance } | { instance: null; none: NoPreview };

export function chooseThumbnailInstance(study: Study): ThumbnailChoice {
  const none = (brief: string, sentence: string): ThumbnailChoice => ({
    instance: null,
    none: { brief, sentence },
  });
  const studyUid = study.studyInstanceUid;
  if (study.unavailableReason) return none('No preview', study.unavailableReason);
  if (studyUid === null) return none('No preview', 'No preview: the study has no valid Study Instance UID.');
  // The series the viewer could show (one without a UID, an image server or available images has no
  // key and no picture); the first of them that WADO-RS serves and that lists an image stands for it.
  const viewable = study.series.filter((item) => item.key !== null && item.uid !== null);
  for (const series of viewable) {
    const middle = middleInstanceOf(series);
    if (series.uid && series.wadoRs && middle) {
      return {
        instance: { base: series.wadoRs.address, study: studyUid, series: series.uid, instance: middle },
      };
    }
  }
  if (viewable.length === 0) {
    return none('No preview', 'No preview: the study lists no series the viewer can show.');
  }
  if (viewable.every((series) => series.wadoRs === null)) {
    // WADO-URI sends whole files, one request each, with no metadata service: far too heavy for a
    // list that previews every row; the viewer fetches them when the study is opened.
    return none(
      'No preview: WADO-URI only',
      'No preview: this study’s image server offers WADO-URI only (whole files), which the list does not fetch. Open the study to see its images.',
    );
  }
  return none(
    'No preview: no images listed',
    'No preview: the record lists no images in this study’s series.',
  );
}

/** The middle listed instance (by Instance Number, then as listed) that has a UID; null when none has. */
function middleInstanceOf(series: StudySeries): SopInstanceUid | null {
  const instances = series.instances
    .map((instance, index) => ({ instance, index }))
    .filter(({ instance }) => instance.uid !== null)
    .sort(
      (a, b) =>
        (a.instance.number ?? Number.MAX_SAFE_INTEGER) - (b.instance.number ?? Number.MAX_SAFE_INTEGER) ||
        a.index - b.index,
    );
  return instances[Math.floor(instances.length / 2)]?.instance.uid ?? null;
}

/** The middle frame (1-based) of an instance with `count` frames; frame 1 when the count is unknown. */
export function middleFrameOf(count: number | null): FrameNumber {
  const frames = parseFrameNumber(count) ?? 1;
  return (Math.floor((frames - 1) / 2) + 1) as FrameNumber;
}
