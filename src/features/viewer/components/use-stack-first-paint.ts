import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { StudySeries } from '@/domain/fhir/study';
import { likelyFirstFrameOf } from '@/domain/imaging/first-image-guess';
import type { ImageSource } from '@/domain/imaging/image-source';
import { useImagingAuthorization } from '@/lib/smart-session';
import { fetchFrameEarly } from '@/rendering/early-frames';
import { useFirstPaint, useFirstPaintCanvas } from '@/rendering/use-first-paint';
import { firstInstanceQueryOptions } from '../api/get-first-instance';

/**
 * A stack viewport's first paint (first-paint.ts) until the renderer has drawn: the stack's first image
 * once the series' metadata is in (`images`, null before), before that the series' likely first
 * instance described by its own metadata (get-first-instance.ts).
 */
export function useStackFirstPaint(
  studyUid: StudyInstanceUid,
  series: StudySeries,
  images: readonly ImageSource[] | null,
  rendererDrew: boolean,
) {
  const authorizationFor = useImagingAuthorization();
  // The likely first slice's pixels are on their way at once, with its own metadata and the series'.
  useEffect(() => {
    const first = likelyFirstFrameOf(studyUid, series);
    if (first) fetchFrameEarly(first.imageId, authorizationFor);
  }, [series, studyUid, authorizationFor]);

  const firstInstance = useQuery({
    ...firstInstanceQueryOptions(studyUid, series, authorizationFor),
    enabled: !rendererDrew && images === null,
  });
  const firstSource = images ? (images[0] ?? null) : (firstInstance.data ?? null);
  const firstPaint = useFirstPaint(rendererDrew ? null : firstSource, authorizationFor);
  const attachFirstPaint = useFirstPaintCanvas(firstPaint);
  return { firstSource, firstPaint, attachFirstPaint };
}
