import type { StudyListEntry } from '@/domain/fhir/study-list';
import { StudyRow } from './study-row';

const COLUMNS = ['Date', 'Modality', 'Description', 'Accession', 'Series', 'Images', 'Status', ''];

export function StudyList({ studies }: { studies: readonly StudyListEntry[] }) {
  if (studies.length === 0) {
    return (
      <p className="p-6 text-slate-400" data-testid="study-list-empty">
        This patient has no imaging studies.
      </p>
    );
  }
  return (
    <table className="w-full border-collapse text-sm" data-testid="study-list">
      <thead className="sticky top-0 bg-slate-900 text-left text-xs uppercase tracking-wide text-slate-400">
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col" className="px-3 py-2 font-medium">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {studies.map((entry) => (
          <StudyRow key={entry.key} entry={entry} />
        ))}
      </tbody>
    </table>
  );
}
