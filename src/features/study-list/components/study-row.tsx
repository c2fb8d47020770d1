import { memo } from 'react';
import { Link } from 'react-router';
import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { buildViewerPath } from '@/domain/fhir/deep-link';
import type { StudyListEntry } from '@/domain/fhir/study-list';
import { presentStudyStatus } from '@/domain/fhir/study-status';
import { formatFhirDateTime } from '@/lib/format-fhir-date';
import { useSmartSession } from '@/lib/smart-session';
import { useCompleteStudy } from '../api/get-complete-study';
import { StudyThumbnail } from './study-thumbnail';

const TONE_CLASSES = {
  normal: '',
  dimmed: 'opacity-50',
  error: 'opacity-60 line-through decoration-red-400/70',
} as const;

interface StudyRowProps {
  entry: StudyListEntry;
  /** Virtualised rows are positioned by the list: it passes the height they must keep. */
  height?: number;
  /** False while the list scrolls: previews and QIDO-RS wait until it stops. */
  settled?: boolean;
  /** 1-based position in the whole table (the header row is 1), for `aria-rowindex`. */
  rowIndex?: number;
}

/** Memoised: while the list scrolls, rows that stay on screen do not re-render. */
export const StudyRow = memo(function StudyRow({
  entry: listed,
  height,
  settled = true,
  rowIndex,
}: StudyRowProps) {
  // While on screen, a study its ImagingStudy under-describes is completed over QIDO-RS (one cached
  // query shared with the preview and the viewer): the row then shows the PACS's counts.
  const completed = useCompleteStudy(listed.unavailableReason ? null : listed, { enabled: settled });
  const entry = completed.data ?? listed;
  const { summary, resolved, unavailableReason } = entry;
  const uid = resolved.studyInstanceUid;
  const status = presentStudyStatus(summary.status);
  // The EHR launched from an encounter: its studies stand out (the others stay: a comparison may be older).
  const { context } = useSmartSession();
  const inEncounter = context.encounterId !== null && summary.encounterId === context.encounterId;
  const cell = 'px-3 py-1 align-middle';
  return (
    <tr
      style={height === undefined ? undefined : { height }}
      aria-rowindex={rowIndex}
      className={`border-t border-slate-800 hover:bg-slate-900/60 ${TONE_CLASSES[status.tone]} ${
        inEncounter ? 'bg-sky-950/60' : ''
      }`}
      data-testid="study-row"
      data-in-encounter={inEncounter || undefined}
      data-study-id={summary.id ?? ''}
      data-study-uid={uid ?? ''}
      data-status={summary.status ?? ''}
    >
      <td className={cell}>
        <StudyThumbnail entry={entry} settled={settled} />
      </td>
      <td className={`${cell} whitespace-nowrap`} data-testid="study-date">
        {formatFhirDateTime(summary.started)}
        {inEncounter && (
          <span
            className="ml-2 rounded bg-sky-800 px-1.5 py-0.5 text-xs text-sky-100"
            data-testid="study-encounter"
          >
            This visit
          </span>
        )}
      </td>
      <td className={cell} data-testid="study-modalities">
        {summary.modalities.join(', ') || '—'}
      </td>
      <td className={`${cell} max-w-96`}>
        <span
          className="line-clamp-1"
          data-testid="study-description"
          title={summary.description ?? undefined}
        >
          {summary.description ?? '—'}
        </span>
        {summary.procedure && summary.procedure !== summary.description && (
          <span className="line-clamp-1 text-xs text-slate-400" data-testid="study-procedure">
            {summary.procedure}
          </span>
        )}
        {unavailableReason && (
          <span
            className="line-clamp-2 text-xs text-amber-300"
            role="note"
            title={unavailableReason}
            data-testid="study-unavailable"
          >
            {unavailableReason}
          </span>
        )}
      </td>
      <td className={cell} data-testid="study-accession">
        {summary.accession ?? '—'}
      </td>
      <td className={`${cell} text-right whitespace-nowrap`}>
        <span data-testid="study-series-count">{summary.numberOfSeries}</span>
        {' / '}
        <span data-testid="study-instance-count">{summary.numberOfInstances}</span>
      </td>
      <td className={`${cell} max-w-40 truncate`} data-testid="study-referrer">
        {summary.referrer ?? '—'}
      </td>
      <td className={`${cell} max-w-40 truncate`} data-testid="study-body-site">
        {summary.bodySites.join(', ') || '—'}
      </td>
      <td className={cell} data-testid="study-status">
        {status.label}
      </td>
      <td className={`${cell} text-right whitespace-nowrap`}>
        {uid && !unavailableReason ? (
          <>
            <Link
              to={buildViewerPath(uid, null)}
              className="rounded bg-sky-700 px-3 py-1 text-white hover:bg-sky-600"
              data-testid="open-study"
            >
              Open
            </Link>{' '}
            <CopyLinkButton path={buildViewerPath(uid, null)} />
          </>
        ) : null}
        {resolved.iid && (
          <a
            href={resolved.iid}
            target="_blank"
            rel="noreferrer noopener"
            className="ml-2 text-sky-300 underline hover:text-sky-200"
            data-testid="open-in-pacs"
          >
            Open in PACS viewer
          </a>
        )}
      </td>
    </tr>
  );
});
