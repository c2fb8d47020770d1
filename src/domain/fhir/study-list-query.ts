/**
 * The study list's filters and sort, as they live in the URL (so a filtered list can be bookmarked,
 * shared and restored with Back), and the pure functions that apply them.
 */
import type { Study } from './study';

export type StudySortKey = 'date' | 'modality' | 'description' | 'accession' | 'status';
export type SortDirection = 'asc' | 'desc';

export interface StudyListQuery {
  /** One DICOM modality code (CT, MR…); null: any. */
  modality: string | null;
  /** Inclusive calendar days, `YYYY-MM-DD`; null: open. */
  from: string | null;
  to: string | null;
  /** Free text matched against description, procedure and accession. */
  text: string;
  sort: StudySortKey;
  direction: SortDirection;
  /** `entered-in-error` studies are records of a mistake: hidden unless asked for. */
  showEnteredInError: boolean;
}

export const DEFAULT_STUDY_LIST_QUERY: StudyListQuery = {
  modality: null,
  from: null,
  to: null,
  text: '',
  sort: 'date',
  direction: 'desc',
  showEnteredInError: false,
};

const SORT_KEYS: readonly StudySortKey[] = ['date', 'modality', 'description', 'accession', 'status'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseStudyListQuery(params: URLSearchParams): StudyListQuery {
  const sort = params.get('sort');
  const day = (name: string) => {
    const value = params.get(name);
    return value !== null && DAY.test(value) ? value : null;
  };
  return {
    modality: params.get('modality')?.trim().toUpperCase() || null,
    from: day('from'),
    to: day('to'),
    text: params.get('q') ?? '',
    sort: SORT_KEYS.find((key) => key === sort) ?? DEFAULT_STUDY_LIST_QUERY.sort,
    direction: params.get('dir') === 'asc' ? 'asc' : 'desc',
    showEnteredInError: params.get('errors') === 'show',
  };
}

/** Only what differs from the default is written, so the plain list keeps a plain URL. */
export function studyListQueryToParams(query: StudyListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.modality) params.set('modality', query.modality);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.text) params.set('q', query.text);
  if (query.sort !== DEFAULT_STUDY_LIST_QUERY.sort) params.set('sort', query.sort);
  if (query.direction !== DEFAULT_STUDY_LIST_QUERY.direction) params.set('dir', query.direction);
  if (query.showEnteredInError) params.set('errors', 'show');
  return params;
}

export function isEnteredInError(study: Study): boolean {
  return study.status === 'entered-in-error';
}

export function filterStudies(entries: readonly Study[], query: StudyListQuery): Study[] {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((study) => {
    if (!query.showEnteredInError && isEnteredInError(study)) return false;
    if (query.modality && !study.modalities.some((code) => code.toUpperCase() === query.modality)) {
      return false;
    }
    // FHIR dateTimes start with the calendar day as written: comparing that prefix keeps the day a
    // study was done on, whatever the viewer's time zone.
    const day = study.started?.slice(0, 10) ?? null;
    if ((query.from || query.to) && day === null) return false;
    if (query.from && day !== null && day < query.from) return false;
    if (query.to && day !== null && day > query.to) return false;
    if (words.length > 0) {
      const haystack = [study.description, study.procedure, study.accession]
        .filter((text): text is string => text !== null)
        .join(' ')
        .toLowerCase();
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

/** A stable sort: equal keys keep the server's order (`-started`); missing values always go last. */
export function sortStudies(
  entries: readonly Study[],
  sort: StudySortKey,
  direction: SortDirection,
): Study[] {
  const sign = direction === 'asc' ? 1 : -1;
  return entries
    .map((entry, index) => ({ entry, index, key: sortKeyOf(entry, sort) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) return a.index - b.index;
        return a.key === null ? 1 : -1;
      }
      return sign * compareText(a.key, b.key) || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

function sortKeyOf(study: Study, sort: StudySortKey): string | null {
  switch (sort) {
    case 'date':
      return normalizeDateTime(study.started);
    case 'modality':
      return study.modalities.join(',') || null;
    case 'description':
      return study.description ?? study.procedure;
    case 'accession':
      return study.accession;
    case 'status':
      return study.status;
  }
}

/**
 * Instants compared as instants: `2020-01-01T23:00:00-05:00` is after `2020-01-02T01:00:00Z`. A
 * date without time sorts as the start of its day (UTC), which is what FHIR's period semantics say.
 */
function normalizeDateTime(value: string | null): string | null {
  if (!value) return null;
  const millis = Date.parse(value.length <= 10 ? `${value.padEnd(10, '-01').slice(0, 10)}T00:00:00Z` : value);
  return Number.isNaN(millis) ? value : new Date(millis).toISOString();
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/** The modalities present in the list, for the filter's choices. */
export function modalitiesIn(entries: readonly Study[]): string[] {
  return [...new Set(entries.flatMap((study) => study.modalities.map((code) => code.toUpperCase())))].sort();
}
