import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStudyList } from './read-imaging-study';
import {
  DEFAULT_STUDY_LIST_QUERY,
  filterStudies,
  modalitiesIn,
  parseStudyListQuery,
  sortStudies,
  studyListQueryToParams,
  type StudyListQuery,
} from './study-list-query';

interface StudyInput {
  id: string;
  started?: string;
  modality?: string;
  description?: string;
  procedure?: string;
  accession?: string;
  status?: string;
}

function list(...studies: StudyInput[]) {
  return readStudyList([
    {
      resourceType: 'Bundle',
      entry: studies.map((study) => ({
        resource: {
          resourceType: 'ImagingStudy',
          id: study.id,
          status: study.status ?? 'available',
          ...(study.started ? { started: study.started } : {}),
          ...(study.modality ? { modality: [{ code: study.modality }] } : {}),
          ...(study.description ? { description: study.description } : {}),
          ...(study.procedure ? { procedureCode: [{ coding: [{ display: study.procedure }] }] } : {}),
          identifier: study.accession
            ? [{ type: { coding: [{ code: 'ACSN' }] }, value: study.accession }]
            : [],
        },
      })),
    },
  ]);
}

const ids = (entries: { id: string | null }[]) => entries.map((entry) => entry.id);
const query = (patch: Partial<StudyListQuery>): StudyListQuery => ({ ...DEFAULT_STUDY_LIST_QUERY, ...patch });

const STUDIES = list(
  {
    id: 'ct-head',
    started: '2024-03-02T10:00:00Z',
    modality: 'CT',
    description: 'CT Head',
    accession: 'A100',
  },
  { id: 'mr-knee', started: '2023-07-15', modality: 'MR', procedure: 'MRI knee left', accession: 'B200' },
  { id: 'xr-err', started: '2024-01-01', modality: 'DX', description: 'Chest', status: 'entered-in-error' },
  { id: 'undated', modality: 'CT', description: 'CT Abdomen' },
);

describe('filterStudies', () => {
  it('hides entered-in-error unless asked to show it', () => {
    expect(ids(filterStudies(STUDIES, DEFAULT_STUDY_LIST_QUERY))).toEqual(['ct-head', 'mr-knee', 'undated']);
    expect(ids(filterStudies(STUDIES, query({ showEnteredInError: true })))).toContain('xr-err');
  });

  it('filters by modality, case-insensitively', () => {
    expect(ids(filterStudies(STUDIES, query({ modality: 'CT' })))).toEqual(['ct-head', 'undated']);
    expect(ids(filterStudies(STUDIES, parseStudyListQuery(new URLSearchParams('modality=mr'))))).toEqual([
      'mr-knee',
    ]);
  });

  it('filters by inclusive calendar days, leaving out undated studies once a range is set', () => {
    expect(ids(filterStudies(STUDIES, query({ from: '2024-03-02', to: '2024-03-02' })))).toEqual(['ct-head']);
    expect(ids(filterStudies(STUDIES, query({ to: '2023-12-31' })))).toEqual(['mr-knee']);
  });

  it('matches every word of the text against description, procedure and accession', () => {
    expect(ids(filterStudies(STUDIES, query({ text: 'knee' })))).toEqual(['mr-knee']);
    expect(ids(filterStudies(STUDIES, query({ text: 'a100' })))).toEqual(['ct-head']);
    expect(ids(filterStudies(STUDIES, query({ text: 'ct head' })))).toEqual(['ct-head']);
    expect(ids(filterStudies(STUDIES, query({ text: 'ct knee' })))).toEqual([]);
  });
});

describe('sortStudies', () => {
  it('sorts by instant, newest first by default, undated last either way', () => {
    expect(ids(sortStudies(STUDIES, 'date', 'desc'))).toEqual(['ct-head', 'xr-err', 'mr-knee', 'undated']);
    expect(ids(sortStudies(STUDIES, 'date', 'asc'))).toEqual(['mr-knee', 'xr-err', 'ct-head', 'undated']);
  });

  it('compares instants, not strings: a time-zone offset counts', () => {
    const zoned = list(
      { id: 'late-new-york', started: '2020-01-01T23:00:00-05:00' },
      { id: 'early-utc', started: '2020-01-02T01:00:00Z' },
    );
    expect(ids(sortStudies(zoned, 'date', 'desc'))).toEqual(['late-new-york', 'early-utc']);
  });

  it('sorts text keys naturally, using the procedure when there is no description', () => {
    expect(ids(sortStudies(STUDIES, 'description', 'asc'))).toEqual([
      'xr-err',
      'undated',
      'ct-head',
      'mr-knee',
    ]);
  });

  it('is stable and a permutation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), modality: fc.constantFrom('CT', 'MR') }), {
          maxLength: 30,
        }),
        fc.constantFrom('date', 'modality', 'status', 'accession', 'description' as const),
        fc.constantFrom('asc', 'desc' as const),
        (rows, key, direction) => {
          const entries = list(
            ...rows.map((row, index) => ({
              id: `s${index}`,
              started: `2020-01-${String(row.day).padStart(2, '0')}`,
              modality: row.modality,
            })),
          );
          const sorted = sortStudies(entries, key, direction);
          expect([...ids(sorted)].sort()).toEqual([...ids(entries)].sort());
          expect(ids(sortStudies(sorted, key, direction))).toEqual(ids(sorted));
        },
      ),
    );
  });
});

describe('the query in the URL', () => {
  it('round-trips through search params and writes nothing for the default', () => {
    expect(studyListQueryToParams(DEFAULT_STUDY_LIST_QUERY).toString()).toBe('');
    const full = query({
      modality: 'CT',
      from: '2020-01-01',
      to: '2021-12-31',
      text: 'head',
      sort: 'accession',
      direction: 'asc',
      showEnteredInError: true,
    });
    expect(parseStudyListQuery(studyListQueryToParams(full))).toEqual(full);
  });

  it('ignores malformed values', () => {
    expect(parseStudyListQuery(new URLSearchParams('from=yesterday&sort=evil&dir=up'))).toEqual(
      DEFAULT_STUDY_LIST_QUERY,
    );
  });
});

describe('modalitiesIn', () => {
  it('lists each modality once, sorted', () => {
    expect(modalitiesIn(STUDIES)).toEqual(['CT', 'DX', 'MR']);
  });
});
