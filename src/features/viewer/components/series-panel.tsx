import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { StudySeries } from '@/domain/fhir/study';
import type { KeyImages } from '@/domain/imaging/key-images';
import { SeriesThumbnail } from './series-thumbnail';

/** A thumbnail without notes: 96 px image, padding and the gap below. Notes make a few taller (measured). */
const THUMBNAIL_ESTIMATE = 122;
/**
 * Thumbnails kept mounted beyond the visible ones: a wheel notch and a Tab step away, and a study of
 * a dozen series (most studies) all mounted, as before virtualising. Each mounted thumbnail asks for
 * its series' metadata, so this is also what bounds the requests of a huge study.
 */
const OVERSCAN = 4;
const GAP = 8;

interface SeriesPanelProps {
  study: StudyInstanceUid;
  series: readonly StudySeries[];
  /** The index of the active viewport's series, if any. */
  selected: number | null;
  onSelect: (index: number) => void;
  /** The study's key images: each thumbnail counts its own. */
  keyImages: KeyImages;
  /** List only the series that hold key images. */
  keyImagesOnly: boolean;
  onKeyImagesOnly: (only: boolean) => void;
}

/**
 * The series list beside the viewports. Only the thumbnails in (or near) view exist: each one
 * renders a preview and needs its series' metadata, which for 2,000 series would mean 2,000 requests
 * and canvases at once.
 */
export function SeriesPanel({
  study,
  series,
  selected,
  onSelect,
  keyImages,
  keyImagesOnly,
  onKeyImagesOnly,
}: SeriesPanelProps) {
  const scroller = useRef<HTMLElement>(null);
  const keyImageCount = (entry: StudySeries) =>
    entry.uid ? (keyImages.countBySeries.get(entry.uid) ?? 0) : 0;
  const hasKeyImages = keyImages.countBySeries.size > 0;
  // The study's series indices in the list: all, or those with key images when the filter is on.
  const listed = useMemo(
    () =>
      series.flatMap((entry, index) =>
        !keyImagesOnly || (entry.uid !== null && keyImages.countBySeries.has(entry.uid)) ? [index] : [],
      ),
    [series, keyImagesOnly, keyImages],
  );
  const selectedRow = selected === null ? -1 : listed.indexOf(selected);
  // No React Compiler runs here, and the virtualiser re-renders this component itself on scroll:
  // the rule's warning (its functions cannot be memoised) has nothing to protect.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: listed.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => THUMBNAIL_ESTIMATE,
    overscan: OVERSCAN,
    gap: GAP,
    paddingStart: GAP,
    paddingEnd: GAP,
  });

  // A series chosen by key (or by a deep link) may be far down the list: bring it into view. Not
  // when it is already visible, so a click does not make the list jump.
  useEffect(() => {
    if (selectedRow >= 0) virtualizer.scrollToIndex(selectedRow, { align: 'auto' });
  }, [selectedRow, virtualizer]);

  return (
    <nav
      ref={scroller}
      className="w-64 shrink-0 overflow-y-auto border-r border-slate-800"
      aria-label="Series"
      data-testid="series-panel"
      data-series-count={series.length}
    >
      {(hasKeyImages || keyImagesOnly) && (
        <div className="sticky top-0 z-10 border-b border-slate-800 bg-slate-950 px-2 py-1.5">
          <button
            type="button"
            aria-pressed={keyImagesOnly}
            onClick={() => onKeyImagesOnly(!keyImagesOnly)}
            className={`w-full rounded border px-2 py-1 text-left text-xs ${
              keyImagesOnly
                ? 'border-yellow-300 bg-yellow-300 font-semibold text-black'
                : 'border-slate-600 text-slate-100 hover:border-slate-400'
            }`}
            data-testid="key-images-filter"
          >
            ★ Key images only
          </button>
        </div>
      )}
      <div role="list" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const index = listed[item.index];
          const entry = index === undefined ? undefined : series[index];
          return entry && index !== undefined ? (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="listitem"
              // Only part of the list exists: these tell assistive technology where an item stands.
              aria-setsize={listed.length}
              aria-posinset={item.index + 1}
              className="absolute right-0 left-0 px-2"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <SeriesThumbnail
                study={study}
                series={entry}
                index={index}
                selected={index === selected}
                onSelect={() => onSelect(index)}
                keyImageCount={keyImageCount(entry)}
              />
            </div>
          ) : null;
        })}
      </div>
    </nav>
  );
}
