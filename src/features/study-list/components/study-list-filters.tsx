import { useState } from 'react';
import type { StudyListQuery } from '@/domain/fhir/study-list-query';

interface StudyListFiltersProps {
  query: StudyListQuery;
  modalities: readonly string[];
  hiddenErrors: number;
  onChange: (query: StudyListQuery) => void;
}

/** Filters that edit the URL's search params (through `onChange`): the list is a function of the URL. */
export function StudyListFilters({
  query: fromUrl,
  modalities,
  hiddenErrors,
  onChange,
}: StudyListFiltersProps) {
  // The inputs show a local copy that changes with the event itself: the URL update that follows is a
  // navigation, and a controlled input waiting for it would bounce back for a moment (a checkbox
  // click undone, a keystroke lost). A new URL (Back, a link) replaces the copy.
  const [query, setQuery] = useState(fromUrl);
  const [urlQuery, setUrlQuery] = useState(fromUrl);
  if (urlQuery !== fromUrl) {
    setUrlQuery(fromUrl);
    setQuery(fromUrl);
  }
  const set = (patch: Partial<StudyListQuery>) => {
    const next = { ...query, ...patch };
    setQuery(next);
    onChange(next);
  };
  const input = 'rounded border border-slate-700 bg-slate-900 px-2 py-1 text-sm text-slate-100';
  return (
    <form
      role="search"
      aria-label="Filter studies"
      className="flex flex-wrap items-end gap-3 border-b border-slate-800 px-4 py-2 text-xs text-slate-400"
      onSubmit={(event) => event.preventDefault()}
    >
      <label className="flex flex-col gap-1">
        Search
        <input
          type="search"
          className={`${input} w-64`}
          placeholder="Description, procedure, accession"
          value={query.text}
          onChange={(event) => set({ text: event.target.value })}
          data-testid="filter-text"
        />
      </label>
      <label className="flex flex-col gap-1">
        Modality
        <select
          className={input}
          value={query.modality ?? ''}
          onChange={(event) => set({ modality: event.target.value || null })}
          data-testid="filter-modality"
        >
          <option value="">Any</option>
          {/* A modality from the URL stays selectable even before the pages that hold it arrive. */}
          {[...new Set([...modalities, ...(query.modality ? [query.modality] : [])])].map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        From
        <input
          type="date"
          className={input}
          value={query.from ?? ''}
          onChange={(event) => set({ from: event.target.value || null })}
          data-testid="filter-from"
        />
      </label>
      <label className="flex flex-col gap-1">
        To
        <input
          type="date"
          className={input}
          value={query.to ?? ''}
          onChange={(event) => set({ to: event.target.value || null })}
          data-testid="filter-to"
        />
      </label>
      <label className="flex items-center gap-2 pb-1">
        <input
          type="checkbox"
          checked={query.showEnteredInError}
          onChange={(event) => set({ showEnteredInError: event.target.checked })}
          data-testid="filter-show-errors"
        />
        Show entered-in-error{hiddenErrors > 0 ? ` (${hiddenErrors} hidden)` : ''}
      </label>
    </form>
  );
}
