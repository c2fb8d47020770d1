import { UntrustedText } from '@/components/ui/untrusted-text';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { StudySeries } from '@/domain/fhir/study';
import { useImagingAuthorization } from '@/lib/smart-session';
import { useSeriesProgress } from '@/rendering/series-progress';
import { useThumbnail } from '@/rendering/use-thumbnail';
import { availabilityNotice } from '@/domain/fhir/availability';
import { OBJECT_KIND_LABELS } from '@/domain/imaging/object-kind';
import { useSeriesStack } from '../api/get-series-stack';
import { SERIES_DRAG_TYPE } from './stack-viewport';

interface SeriesThumbnailProps {
  study: StudyInstanceUid;
  series: StudySeries;
  index: number;
  selected: boolean;
  onSelect: () => void;
  /** How many of the series' images the study's key object selections flag. */
  keyImageCount: number;
}

/**
 * A series button: Cornerstone-rendered middle image, number, description, image count, and how
 * much of the series is cached. Drag it onto a viewport to show it there.
 */
export function SeriesThumbnail({
  study,
  series,
  index,
  selected,
  onSelect,
  keyImageCount,
}: SeriesThumbnailProps) {
  const stack = useSeriesStack(study, series);
  const authorizationFor = useImagingAuthorization();
  const images = stack.data?.images;
  const middle = images ? (images[Math.floor(images.length / 2)] ?? null) : null;
  const { attachCanvas, status: thumbnailStatus } = useThumbnail(middle, authorizationFor);
  const progress = useSeriesProgress(series.key);
  // Objects without pixels (SR, PDF, key objects…) are named instead of previewed.
  const objects = stack.data && stack.data.images.length === 0 ? stack.data.objects : null;
  const objectLabel = objects?.[0] ? OBJECT_KIND_LABELS[objects[0].kind] : null;
  // A series that is not to be fetched (no key) already says why in its errors: not twice.
  const problem = stack.isError
    ? series.key === null
      ? null
      : stack.error.message
    : thumbnailStatus === 'error'
      ? 'Its preview image could not be loaded or drawn.'
      : null;
  // Whatever keeps the preview from being drawn, the box says so in words, never a black square; the
  // reason is the note beside it (the series' errors or `problem`).
  const noPreview = !objectLabel && (series.key === null || stack.isError || thumbnailStatus === 'error');
  const done = progress ? progress.loaded + progress.failed : 0;

  return (
    <button
      type="button"
      onClick={onSelect}
      draggable={series.uid !== null}
      onDragStart={(event) => {
        event.dataTransfer.setData(SERIES_DRAG_TYPE, String(index));
        event.dataTransfer.effectAllowed = 'copy';
      }}
      aria-pressed={selected}
      data-testid="series-thumbnail"
      data-series-uid={series.uid ?? ''}
      data-thumbnail-status={stack.isError ? 'error' : objectLabel ? 'object' : thumbnailStatus}
      data-object-kind={objects?.[0]?.kind ?? ''}
      className={`relative flex w-full gap-2 rounded border p-2 text-left text-xs ${
        selected ? 'border-sky-400 bg-slate-800' : 'border-slate-700 bg-slate-900 hover:border-slate-500'
      }`}
    >
      <span className="h-24 w-24 shrink-0 overflow-hidden bg-black">
        {/* Cornerstone sizes the canvas inline; the !important sizes keep it in its box. */}
        {objectLabel ? (
          <span className="flex h-full items-center justify-center p-1 text-center text-[11px] text-slate-300">
            {objectLabel}
          </span>
        ) : (
          <>
            <canvas
              ref={attachCanvas}
              width={96}
              height={96}
              className={`h-full! w-full! object-contain ${noPreview ? 'hidden!' : ''}`}
            />
            {noPreview && (
              <span
                className="flex h-full items-center justify-center p-1 text-center text-[11px] text-slate-400"
                data-testid="series-no-preview"
              >
                No preview
              </span>
            )}
          </>
        )}
      </span>
      <span className="min-w-0 space-y-1">
        <span className="block font-semibold text-slate-100">
          {series.modality ?? '—'} · Series {series.number ?? '?'}
        </span>
        <UntrustedText
          text={series.description}
          fallback="No description"
          className="block truncate text-slate-300"
          titled
        />
        <span className="block text-slate-400">
          {objects
            ? `${objects.length} object${objects.length === 1 ? '' : 's'}`
            : images
              ? `${images.length} image${images.length === 1 ? '' : 's'}`
              : `${series.instances.length} instances`}
        </span>
        {keyImageCount > 0 && (
          <span className="block font-semibold text-yellow-300" data-testid="series-key-images">
            ★ {keyImageCount} key image{keyImageCount === 1 ? '' : 's'}
          </span>
        )}
        {availabilityNotice(series.availability) && (
          <span role="note" className="block text-sky-300" data-testid="series-availability">
            {availabilityNotice(series.availability)}
          </span>
        )}
        {series.errors.length > 0 && (
          <span
            role="note"
            className="line-clamp-3 text-amber-300 [overflow-wrap:anywhere]"
            title={series.errors.join(' ')}
            data-testid="series-error"
          >
            {series.errors.join(' ')}
          </span>
        )}
        {stack.data?.leftOut && (
          <span
            role="note"
            className="line-clamp-3 text-amber-300 [overflow-wrap:anywhere]"
            title={stack.data.leftOut}
            data-testid="series-left-out"
          >
            {stack.data.leftOut}
          </span>
        )}
        {stack.data?.order && (
          <span
            role="note"
            className="line-clamp-3 text-slate-400"
            title={stack.data.order.sentence}
            data-testid="series-stack-order"
          >
            {stack.data.order.sentence}
          </span>
        )}
        {problem && (
          <span role="note" className="block text-amber-300" data-testid="series-problem">
            {problem}
          </span>
        )}
      </span>
      {progress && (
        <span
          className="absolute right-2 bottom-1 left-2 h-1 overflow-hidden rounded bg-slate-700"
          role="progressbar"
          aria-label="Images cached"
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={done}
          data-testid="series-progress"
          data-loaded={progress.loaded}
          data-failed={progress.failed}
          data-total={progress.total}
        >
          <span
            className={`block h-full ${progress.failed > 0 ? 'bg-amber-400' : 'bg-sky-400'}`}
            style={{ width: `${progress.total > 0 ? (100 * done) / progress.total : 0}%` }}
          />
        </span>
      )}
    </button>
  );
}
