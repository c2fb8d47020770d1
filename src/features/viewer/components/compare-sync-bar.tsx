import type { SliceSyncMode } from '@/rendering/use-viewport-link';

interface CompareSyncBarProps {
  /** How slices follow each other; null until both viewports show a stack. */
  mode: SliceSyncMode | null;
  slices: boolean;
  onSlices: (on: boolean) => void;
  window: boolean;
  onWindow: (on: boolean) => void;
}

/** What each mode means for the clinician: which slice the other side will show. */
const MODE_TEXT: Readonly<Record<SliceSyncMode, string>> = {
  'frame-of-reference': 'by slice position (same frame of reference)',
  'aligned-position':
    'by slice position, from the slices shown when sync was turned on (different frames of reference: turn sync off, line the slices up, turn it on again)',
  relative: 'by relative position in the stack (no slice geometry to match)',
};

/** The two sync switches of side-by-side studies, and how scrolling follows. */
export function CompareSyncBar({ mode, slices, onSlices, window, onWindow }: CompareSyncBarProps) {
  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-3 text-xs" data-testid="compare-sync">
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={slices}
          onChange={(event) => onSlices(event.target.checked)}
          data-testid="sync-slices"
        />
        Sync scrolling
      </label>
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={window}
          onChange={(event) => onWindow(event.target.checked)}
          data-testid="sync-window"
        />
        Sync W/L
      </label>
      <span className="min-w-0 flex-1 text-slate-400" data-testid="sync-mode" data-mode={mode ?? ''}>
        {slices
          ? mode
            ? `Scrolling follows ${MODE_TEXT[mode]}`
            : 'Linking the viewports…'
          : 'Scrolling is not synchronised'}
      </span>
    </div>
  );
}
