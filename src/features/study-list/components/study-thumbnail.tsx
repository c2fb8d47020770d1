import { lazy, Suspense } from 'react';
import type { Study } from '@/domain/fhir/study';
import { briefImagingFailure, ImagingHttpError } from '@/lib/imaging-http';
import { useStudyThumbnail } from '../api/get-study-thumbnail';

const StudyThumbnailCanvas = lazy(() => import('./study-thumbnail-canvas'));

/**
 * A study's preview (of the completed study: a study listing no instance has none to show before
 * QIDO-RS answers), asked for only while its row is on screen (rows are virtualised, so this mounts
 * as a row scrolls in and unmounts, cancelling its requests, as it scrolls away), and not while the
 * list is being flung (`settled`): rows that only flash past cost nothing.
 */
export function StudyThumbnail({ study, settled }: { study: Study; settled: boolean }) {
  const thumbnail = useStudyThumbnail(study, { enabled: settled });
  const status = thumbnail.isError
    ? 'error'
    : thumbnail.data
      ? 'source'
      : thumbnail.hasImage
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
        <PreviewFailure error={thumbnail.error} />
      ) : null}
    </span>
  );
}

/** Why there is no preview, in a few words; the whole sentence on hover and for assistive technology. */
function PreviewFailure({ error }: { error: Error | null }) {
  const brief = error instanceof ImagingHttpError ? briefImagingFailure(error.failure) : 'No preview';
  return (
    <span
      className="p-0.5 text-center leading-tight [overflow-wrap:anywhere]"
      title={error?.message}
      aria-label={error ? `No preview: ${error.message}` : 'No preview'}
      data-testid="study-thumbnail-failure"
    >
      {brief}
    </span>
  );
}
