import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { ImagingReport } from '@/domain/fhir/imaging-report';
import type { Study } from '@/domain/fhir/study';
import type { SortDirection, StudySortKey } from '@/domain/fhir/study-list-query';
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
  // No React Compiler runs here, and the virtualiser re-renders this component itself on scroll:
  // the rule's warning (its functions cannot be memoised) has nothing to protect.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: studies.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => STUDY_ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => studies[index]?.key ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-auto" data-testid="study-list-scroller">
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
                    className="uppercase hover:text-slate-200"
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
          {/* Spacer rows stand for the rows not rendered, so the scrollbar is true to the whole list. */}
          {before > 0 && <tr aria-hidden style={{ height: before }} />}
          {items.map((item) => {
            const study = studies[item.index];
            return study ? (
              <StudyRow
                key={item.key}
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
            ) : null;
          })}
          {after > 0 && <tr aria-hidden style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}
