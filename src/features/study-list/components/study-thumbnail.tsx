import { lazy, Suspense } from 'react';
import type { Study } from '@/domain/fhir/study';
import type { NoPreview } from '@/domain/fhir/study-thumbnail';
import { briefImagingFailure, ImagingHttpError } from '@/lib/imaging-http';
import { useStudyThumbnail } from '../api/get-study-thumbnail';
import { PreviewFailure } from './preview-failure';

const StudyThumbnailCanvas = lazy(() => import('./study-thumbnail-canvas'));

/**
 * A study's preview (of the completed study: a study listing no instance has none to show before
 * QIDO-RS answers, so `completing` holds the verdict until it has), asked for only while its row is
 * on screen (rows are virtualised, so this mounts as a row scrolls in and unmounts, cancelling its
 * requests, as it scrolls away), and not while the list is being flung (`settled`): rows that only
 * flash past cost nothing. A preview that cannot be drawn says why in words, never a blank square.
 */
export function StudyThumbnail({
  study,
  settled,
  completing = false,
}: {
  study: Study;
  settled: boolean;
  completing?: boolean;
}) {
  const thumbnail = useStudyThumbnail(study, { enabled: settled });
  const none = completing ? null : thumbnail.none;
  const status = thumbnail.isError
    ? 'error'
    : thumbnail.data
      ? 'source'
      : thumbnail.hasImage || completing
        ? 'loading'
        : 'none';
  return (
    <span
      className="flex h-16 w-16 items-center justify-center overflow-hidden rounded bg-black text-[10px] text-slate-400"
      data-testid="study-thumbnail"
      data-status={status}
    >
      {thumbnail.data ? (
        <Suspense fallback={null}>
          <StudyThumbnailCanvas source={thumbnail.data} />
        </Suspense>
      ) : thumbnail.isError ? (
        <PreviewFailure reason={failureOf(thumbnail.error)} />
      ) : none ? (
        <PreviewFailure reason={none} />
      ) : null}
    </span>
  );
}

function failureOf(error: Error | null): NoPreview {
  return {
    brief: error instanceof ImagingHttpError ? briefImagingFailure(error.failure) : 'No preview',
    sentence: error ? `No preview: ${error.message}` : 'No preview',
  };
}
