import { useMemo } from 'react';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { StudySeries } from '@/domain/fhir/study';
import { likelyStackFramesOf } from '@/domain/imaging/first-image-guess';
import type { ImageSource } from '@/domain/imaging/image-source';

/**
 * The frames a stack viewport fetches ahead of the renderer (use-frames-ahead.ts): every instance the
 * ImagingStudy lists for the series (first frame each, InstanceNumber order), known at once, rather
 * than the stack, known only once the series' metadata is in (a PACS may take a second to build it
 * for 300 slices, while the network idles). The stack when the list cannot stand for it: fewer than
 * two instances listed (a multi-frame instance's frames are only in its metadata), or key images only.
 */
export function useFramesToFetchAhead(
  studyUid: StudyInstanceUid,
  series: StudySeries,
  stackImages: readonly ImageSource[] | null,
  keyImagesOnly: boolean,
): readonly string[] | null {
  const listed = useMemo(() => likelyStackFramesOf(studyUid, series), [studyUid, series]);
  const stack = useMemo(() => stackImages?.map((image) => image.imageId) ?? null, [stackImages]);
  return listed.length >= 2 && !keyImagesOnly ? listed : stack;
}
