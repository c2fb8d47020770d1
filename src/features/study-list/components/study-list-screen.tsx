import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  filterStudies,
  isEnteredInError,
  modalitiesIn,
  parseStudyListQuery,
  sortStudies,
  studyListQueryToParams,
  type StudyListQuery,
  type StudySortKey,
} from '@/domain/fhir/study-list-query';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { useStudyReports } from '../api/get-imaging-reports';
import { useImagingStudies, useRetryImagingStudies } from '../api/get-imaging-studies';
import { CompareSelection, toggleCompareSelection } from './compare-selection';
import { ReportNotes } from './report-notes';
import { StudyList } from './study-list';
import { StudyListFilters } from './study-list-filters';
import { StudyListLoadError } from './study-list-load-error';

export function StudyListScreen() {
  const studies = useImagingStudies();
  const retryStudies = useRetryImagingStudies();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const query = useMemo(() => parseStudyListQuery(new URLSearchParams(search)), [search]);
  const [chosen, setChosen] = useState<StudyInstanceUid[]>([]);
  const chosenSet = useMemo(() => new Set<string>(chosen), [chosen]);
  // Stable: the rows are memoised.
  const [toggleChosen] = useState(
    () => (uid: StudyInstanceUid) => setChosen((current) => toggleCompareSelection(current, uid)),
  );

  const entries = studies.data?.studies;
  const { reports, linked } = useStudyReports(entries);
  const shown = useMemo(
    () => (entries ? sortStudies(filterStudies(entries, query), query.sort, query.direction) : []),
    [entries, query],
  );
  const modalities = useMemo(() => modalitiesIn(entries ?? []), [entries]);
  const hiddenErrors = useMemo(
    () => (query.showEnteredInError ? 0 : (entries ?? []).filter(isEnteredInError).length),
    [entries, query.showEnteredInError],
  );

  // Replace, not push: typing in the search box must not fill the history with one entry per key.
  // Synchronously: the inputs are controlled by the URL, and a deferred update would let a keystroke
  // or a checkbox click bounce back before the new URL arrives.
  const setQuery = (next: StudyListQuery) =>
    setParams(studyListQueryToParams(next), { replace: true, flushSync: true });
  const sortBy = (key: StudySortKey) =>
    setQuery({
      ...query,
      sort: key,
      direction:
        query.sort === key ? (query.direction === 'asc' ? 'desc' : 'asc') : key === 'date' ? 'desc' : 'asc',
    });

  if (studies.isPending) {
    return <p className="p-6 text-slate-400">Loading the patient’s imaging studies…</p>;
  }
  const retry = () => void retryStudies(entries !== undefined);
  if (studies.isError && !entries) {
    return (
      <p className="p-6">
        <StudyListLoadError
          message={studies.error.message}
          partial={false}
          retrying={studies.isFetching}
          onRetry={retry}
        />
      </p>
    );
  }
  const total = entries?.length ?? 0;
  const complete = studies.data?.complete ?? false;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <StudyListFilters
        query={query}
        modalities={modalities}
        hiddenErrors={hiddenErrors}
        onChange={setQuery}
      />
      <p
        className="px-4 py-1 text-xs text-slate-400"
        data-testid="study-count"
        data-shown={shown.length}
        data-total={total}
        data-complete={complete}
        aria-live="polite"
      >
        {shown.length === total ? `${total} studies` : `${shown.length} of ${total} studies`}
        {!complete && !studies.isError && ` · loading more (page ${(studies.data?.pagesLoaded ?? 0) + 1})…`}
        {studies.isError && (
          <StudyListLoadError
            message={studies.error.message}
            partial
            retrying={studies.isFetching}
            onRetry={retry}
          />
        )}
        <ReportNotes reports={reports} linked={linked} />
        <Link to="/files" className="ml-3 text-sky-300 hover:text-sky-200" data-testid="open-local-files">
          Open DICOM files from this computer…
        </Link>
      </p>
      <CompareSelection selected={chosen} studies={entries ?? []} onClear={() => setChosen([])} />
      {total === 0 && complete ? (
        <p className="p-6 text-slate-400" data-testid="study-list-empty">
          This patient has no imaging studies.
        </p>
      ) : shown.length === 0 && complete ? (
        <p className="p-6 text-slate-400" data-testid="study-list-no-match">
          No study matches these filters.
        </p>
      ) : (
        <StudyList
          studies={shown}
          sort={query.sort}
          direction={query.direction}
          onSort={sortBy}
          reportsByStudy={linked?.byStudy ?? null}
          selectedUids={chosenSet}
          onToggleSelected={toggleChosen}
        />
      )}
    </div>
  );
}
