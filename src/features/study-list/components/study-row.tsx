import { Link } from 'react-router';
import type { StudyListEntry } from '@/domain/fhir/study-list';
import { formatFhirDateTime } from '@/lib/format-fhir-date';

export function StudyRow({ entry }: { entry: StudyListEntry }) {
  const { summary, resolved, unavailableReason } = entry;
  const uid = resolved.studyInstanceUid;
  return (
    <tr
      className="border-t border-slate-800 align-top hover:bg-slate-900/60"
      data-testid="study-row"
      data-study-id={summary.id ?? ''}
      data-study-uid={uid ?? ''}
    >
      <td className="px-3 py-2 whitespace-nowrap" data-testid="study-date">
        {formatFhirDateTime(summary.started)}
      </td>
      <td className="px-3 py-2" data-testid="study-modalities">
        {summary.modalities.join(', ') || '—'}
      </td>
      <td className="px-3 py-2" data-testid="study-description">
        {summary.description ?? '—'}
        {unavailableReason && (
          <p className="mt-1 text-xs text-amber-300" role="note" data-testid="study-unavailable">
            {unavailableReason}
          </p>
        )}
      </td>
      <td className="px-3 py-2" data-testid="study-accession">
        {summary.accession ?? '—'}
      </td>
      <td className="px-3 py-2 text-right" data-testid="study-series-count">
        {summary.numberOfSeries}
      </td>
      <td className="px-3 py-2 text-right" data-testid="study-instance-count">
        {summary.numberOfInstances}
      </td>
      <td className="px-3 py-2" data-testid="study-status">
        {summary.status ?? '—'}
      </td>
      <td className="px-3 py-2 text-right whitespace-nowrap">
        {uid && !unavailableReason ? (
          <Link
            to={`/viewer?${new URLSearchParams({ StudyInstanceUIDs: uid }).toString()}`}
            className="rounded bg-sky-700 px-3 py-1 text-white hover:bg-sky-600"
            data-testid="open-study"
          >
            Open
          </Link>
        ) : null}
        {resolved.iid && (
          <a
            href={resolved.iid}
            target="_blank"
            rel="noreferrer noopener"
            className="ml-2 text-sky-300 underline hover:text-sky-200"
          >
            Open in PACS viewer
          </a>
        )}
      </td>
    </tr>
  );
}
