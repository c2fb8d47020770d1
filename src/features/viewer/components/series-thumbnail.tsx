import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { ResolvedSeries } from '@/domain/fhir/resolved-study';
import { useSmartSession } from '@/lib/smart-session';
import { useThumbnail } from '@/rendering/use-thumbnail';
import { useSeriesStack } from '../api/get-series-stack';

interface SeriesThumbnailProps {
  study: StudyInstanceUid;
  series: ResolvedSeries;
  selected: boolean;
  onSelect: () => void;
}

/** A series button: Cornerstone-rendered middle image, number, description, image count. */
export function SeriesThumbnail({ study, series, selected, onSelect }: SeriesThumbnailProps) {
  const stack = useSeriesStack(study, series);
  const { authorizationFor } = useSmartSession();
  const entries = stack.data?.entries;
  const middle = entries ? (entries[Math.floor(entries.length / 2)] ?? null) : null;
  const { attachCanvas, status: thumbnailStatus } = useThumbnail(middle, authorizationFor);
  const problem = stack.isError
    ? stack.error.message
    : thumbnailStatus === 'error'
      ? 'Preview unavailable.'
      : null;

  return (
    <button
      type="button"
      onClick={onSelect}
      aria-pressed={selected}
      data-testid="series-thumbnail"
      data-series-uid={series.uid ?? ''}
      data-thumbnail-status={stack.isError ? 'error' : thumbnailStatus}
      className={`flex w-full gap-2 rounded border p-2 text-left text-xs ${
        selected ? 'border-sky-400 bg-slate-800' : 'border-slate-700 bg-slate-900 hover:border-slate-500'
      }`}
    >
      <span className="h-24 w-24 shrink-0 overflow-hidden bg-black">
        {/* Cornerstone sizes the canvas inline; the !important sizes keep it in its box. */}
        <canvas ref={attachCanvas} width={96} height={96} className="h-full! w-full! object-contain" />
      </span>
      <span className="min-w-0 space-y-1">
        <span className="block font-semibold text-slate-100">
          {series.modality ?? '—'} · Series {series.number ?? '?'}
        </span>
        <span className="block truncate text-slate-300">{series.description ?? 'No description'}</span>
        <span className="block text-slate-400">
          {entries
            ? `${entries.length} image${entries.length === 1 ? '' : 's'}`
            : `${series.instances.length} instances`}
        </span>
        {problem && (
          <span role="note" className="block text-amber-300" data-testid="series-problem">
            {problem}
          </span>
        )}
      </span>
    </button>
  );
}
