import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { Fragment, useRef, type KeyboardEvent } from 'react';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { ImagingReport } from '@/domain/fhir/imaging-report';
import type { Study } from '@/domain/fhir/study';
import type { SortDirection, StudySortKey } from '@/domain/fhir/study-list-query';
import { useFocusKeptRange } from '@/lib/use-focus-kept-range';
import { useReturnFocus } from '../model/return-focus';
import { StudyRow } from './study-row';

/** Fixed row height: rows never jump while scrolling, and the virtualiser needs no measuring. */
export const STUDY_ROW_HEIGHT = 76;
/** Rows kept mounted beyond the visible ones: enough for a wheel notch, few enough to stay cheap. */
const OVERSCAN = 6;

const COLUMNS: { label: string; sort?: StudySortKey; className?: string }[] = [
  { label: 'Preview' },
  { label: 'Date', sort: 'date' },
  { label: 'Modality', sort: 'modality' },
  { label: 'Description', sort: 'description' },
  { label: 'Accession', sort: 'accession' },
  { label: 'Series / Images', className: 'text-right' },
  { label: 'Referrer' },
  { label: 'Body site' },
  { label: 'Report' },
  { label: 'Status', sort: 'status' },
  { label: '' },
];

interface StudyListProps {
  studies: readonly Study[];
  sort: StudySortKey;
  direction: SortDirection;
  onSort: (key: StudySortKey) => void;
  /** Reports by study key; null when the list has no Report column (not loaded, not permitted). */
  reportsByStudy?: ReadonlyMap<string, readonly ImagingReport[]> | null;
  /** Studies chosen to compare side by side, and how a row's choice is toggled. */
  selectedUids?: ReadonlySet<string>;
  onToggleSelected?: (studyUid: StudyInstanceUid) => void;
}

/** The scrolling table: only the rows in (or near) its viewport are rendered. */
export function StudyList({
  studies,
  sort,
  direction,
  onSort,
  reportsByStudy = null,
  selectedUids,
  onToggleSelected,
}: StudyListProps) {
  const columns = reportsByStudy ? COLUMNS : COLUMNS.filter((column) => column.label !== 'Report');
  // The scroller lives here, not in a parent: the virtualiser reads it in this component's layout
  // effect, which React runs before a parent's ref would be attached.
  const scroller = useRef<HTMLDivElement>(null);
  // Keyboard: the APG "Table" pattern (a static table, not a grid, whose cells are not navigated):
  // Tab and Shift+Tab go from each row to its actions (Open, Copy link, PACS) and on to the next row;
  // on a row, Up and Down arrows move to the row above or below. The row holding focus stays mounted
  // while the list scrolls (Page keys, Home/End), so focus stays on it.
  const focusKept = useFocusKeptRange(rowIndexOf);
  // No React Compiler runs here, and the virtualiser re-renders this component itself on scroll:
  // the rule's warning (its functions cannot be memoised) has nothing to protect.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: studies.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => STUDY_ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => studies[index]?.key ?? index,
    rangeExtractor: focusKept.rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  useReturnFocus(studies, virtualizer, scroller);

  return (
    // scroll-pt: a row focused by Shift+Tab is scrolled into view below the sticky header, not under it.
    // The key handler is delegated: the focusable rows inside are what it serves.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      ref={scroller}
      className="min-h-0 flex-1 scroll-pt-10 overflow-auto"
      data-testid="study-list-scroller"
      onFocus={focusKept.onFocus}
      onBlur={focusKept.onBlur}
      onKeyDown={(event) => moveBetweenRows(event, virtualizer)}
    >
      {/* Rows outside the viewport do not exist: the counts tell assistive technology the whole size. */}
      <table
        className="w-full border-collapse text-sm"
        data-testid="study-list"
        aria-rowcount={studies.length + 1}
      >
        <thead className="sticky top-0 z-10 bg-slate-900 text-left text-xs tracking-wide text-slate-400 uppercase">
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`px-3 py-2 font-medium ${column.className ?? ''}`}
                aria-sort={
                  column.sort === sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined
                }
              >
                {column.sort ? (
                  <button
                    type="button"
                    className="min-h-6 uppercase hover:text-slate-200"
                    onClick={() => column.sort && onSort(column.sort)}
                    data-testid={`sort-${column.sort}`}
                  >
                    {column.label}
                    {column.sort === sort ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {/* Spacer rows stand for the rows not rendered (before, between a kept focused row and the
              visible ones, after), so the scrollbar is true to the whole list. */}
          {items.map((item, position) => {
            const study = studies[item.index];
            const gap = item.start - (items[position - 1]?.end ?? 0);
            return study ? (
              <Fragment key={item.key}>
                {gap > 0 && <tr aria-hidden style={{ height: gap }} />}
                <StudyRow
                  study={study}
                  height={STUDY_ROW_HEIGHT}
                  rowIndex={item.index + 2}
                  settled={!virtualizer.isScrolling}
                  showReports={reportsByStudy !== null}
                  reports={reportsByStudy?.get(study.key)}
                  selected={
                    study.studyInstanceUid !== null && (selectedUids?.has(study.studyInstanceUid) ?? false)
                  }
                  onToggleSelected={onToggleSelected}
                />
              </Fragment>
            ) : null;
          })}
          {after > 0 && <tr aria-hidden style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}

/** A study's index in `studies`, from any element inside its row (rows count from 2: the header is 1). */
function rowIndexOf(element: Element): number | null {
  const row = element.closest('tr[aria-rowindex]');
  const index = Number(row?.getAttribute('aria-rowindex')) - 2;
  return Number.isInteger(index) && index >= 0 ? index : null;
}

/** Up/Down on a focused row: focus the row above or below, scrolled into view. */
function moveBetweenRows(event: KeyboardEvent, virtualizer: Virtualizer<HTMLDivElement, Element>): void {
  const row = event.target;
  if (!(row instanceof HTMLTableRowElement) || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
  const index = rowIndexOf(row);
  if (index === null) return;
  const next = index + (event.key === 'ArrowDown' ? 1 : -1);
  if (next < 0 || next >= virtualizer.options.count) return;
  event.preventDefault();
  virtualizer.scrollToIndex(next, { align: 'auto' });
  const table = row.closest('table');
  // The row below a kept one may need a frame to be rendered after the scroll.
  const focusNext = (attempts: number) => {
    const target = table?.querySelector<HTMLElement>(`tr[aria-rowindex="${next + 2}"]`);
    if (target) target.focus();
    else if (attempts > 0) requestAnimationFrame(() => focusNext(attempts - 1));
  };
  focusNext(5);
}
