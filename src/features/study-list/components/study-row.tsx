import { memo } from 'react';
import { Link } from 'react-router';
import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { UntrustedText } from '@/components/ui/untrusted-text';
import { buildOpenStudyPath, buildViewerPath } from '@/domain/fhir/deep-link';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { ImagingReport } from '@/domain/fhir/imaging-report';
import type { Study } from '@/domain/fhir/study';
import { availabilityNoteOf } from '@/domain/fhir/study-availability';
import { presentStudyStatus } from '@/domain/fhir/study-status';
import { formatStudyStarted } from '@/lib/format-fhir-date';
import { useSmartSession } from '@/lib/smart-session';
import { useCompleteStudy } from '../api/get-complete-study';
import { rememberOpenedStudy } from '../model/return-focus';
import { ReportCell } from './report-cell';
import { StudyThumbnail } from './study-thumbnail';

const TONE_CLASSES = {
  normal: '',
  // Receding rows keep readable text (4.5:1): a lighter colour, not opacity, which would fail contrast.
  dimmed: 'text-slate-400',
  error: 'text-slate-400 line-through decoration-red-400/70',
} as const;

interface StudyRowProps {
  study: Study;
  /** Virtualised rows are positioned by the list: it passes the height they must keep. */
  height?: number;
  /** False while the list scrolls: previews and QIDO-RS wait until it stops. */
  settled?: boolean;
  /** 1-based position in the whole table (the header row is 1), for `aria-rowindex`. */
  rowIndex?: number;
  /** The study's reports, newest first; undefined when the list has no Report column. */
  reports?: readonly ImagingReport[] | undefined;
  /** Whether the list shows the Report column (the server lets the viewer read reports). */
  showReports?: boolean;
  /** Chosen for "Compare side by side"; undefined where the list offers no selection. */
  selected?: boolean;
  onToggleSelected?: (studyUid: StudyInstanceUid) => void;
}

/** Memoised: while the list scrolls, rows that stay on screen do not re-render. */
export const StudyRow = memo(function StudyRow({
  study: listed,
  height,
  settled = true,
  rowIndex,
  reports,
  showReports = false,
  selected,
  onToggleSelected,
}: StudyRowProps) {
  // While on screen, a study its ImagingStudy under-describes is completed over QIDO-RS (one cached
  // query shared with the preview and the viewer): the row then shows the PACS's counts.
  const completed = useCompleteStudy(listed.unavailableReason ? null : listed, { enabled: settled });
  const study = completed.data ?? listed;
  const { unavailableReason } = study;
  const uid = study.studyInstanceUid;
  const openPath = buildOpenStudyPath(study);
  const status = presentStudyStatus(study.status);
  const availability = availabilityNoteOf(study);
  // The EHR launched from an encounter: its studies stand out (the others stay: a comparison may be older).
  const { context } = useSmartSession();
  const inEncounter = context.encounterId !== null && study.encounterId === context.encounterId;
  const cell = 'px-3 py-1 align-middle';
  return (
    <tr
      style={height === undefined ? undefined : { height }}
      aria-rowindex={rowIndex}
      // Every row is a Tab stop (its actions follow it), so Tab walks the whole list, rows without
      // actions included, and the virtualiser renders the next rows as focus reaches them.
      tabIndex={0}
      className={`border-t border-slate-800 hover:bg-slate-900/60 focus-visible:-outline-offset-2 ${TONE_CLASSES[status.tone]} ${
        inEncounter ? 'bg-sky-950/60' : ''
      }`}
      data-testid="study-row"
      data-in-encounter={inEncounter || undefined}
      data-study-id={study.id ?? ''}
      data-study-uid={uid ?? ''}
      data-status={study.status ?? ''}
    >
      <td className={cell}>
        <StudyThumbnail
          study={study}
          settled={settled}
          completing={!listed.unavailableReason && completed.isPending}
        />
      </td>
      <td
        className={`${cell} whitespace-nowrap`}
        data-testid="study-date"
        title={study.startedInvalid === null ? undefined : study.startedInvalid}
      >
        {formatStudyStarted(study)}
        {inEncounter && (
          <span
            className="ml-2 rounded bg-sky-800 px-1.5 py-0.5 text-xs text-sky-100"
            data-testid="study-encounter"
          >
            This visit
          </span>
        )}
      </td>
      <td className={`${cell} max-w-24 truncate`} data-testid="study-modalities">
        <UntrustedText text={study.modalities.join(', ') || null} />
      </td>
      {/* Record text wraps anywhere and is clamped, with the full text on hover: a 100 KB description
          must not widen the table. */}
      <td className={`${cell} max-w-96 min-w-0 [overflow-wrap:anywhere]`}>
        <UntrustedText text={study.description} className="line-clamp-1" testId="study-description" titled />
        {study.procedure && study.procedure !== study.description && (
          <UntrustedText
            text={study.procedure}
            className="line-clamp-1 text-xs text-slate-400"
            testId="study-procedure"
            titled
          />
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
      <td className={`${cell} max-w-40 truncate`} data-testid="study-accession">
        <UntrustedText text={study.accession} titled />
      </td>
      <td className={`${cell} text-right whitespace-nowrap`}>
        <span data-testid="study-series-count">{study.numberOfSeries}</span>
        {' / '}
        <span data-testid="study-instance-count">{study.numberOfInstances}</span>
      </td>
      <td className={`${cell} max-w-40 truncate`} data-testid="study-referrer">
        <UntrustedText text={study.referrer} titled />
      </td>
      <td className={`${cell} max-w-40 truncate`} data-testid="study-body-site">
        <UntrustedText text={study.bodySites.join(', ') || null} titled />
      </td>
      {showReports && (
        <td className={`${cell} whitespace-nowrap`}>
          <ReportCell reports={reports} />
        </td>
      )}
      <td className={`${cell} max-w-40`} data-testid="study-status">
        <span className="block truncate">
          {status.label}
          {status.unknownCode !== null && (
            <>
              {' ('}
              <UntrustedText text={status.unknownCode} titled />)
            </>
          )}
        </span>
        {availability && (
          <span className="block text-xs text-amber-300" data-testid="study-availability">
            {availability}
          </span>
        )}
      </td>
      <td className={`${cell} text-right whitespace-nowrap`}>
        {uid && openPath && !unavailableReason ? (
          <>
            {onToggleSelected && (
              <label className="mr-2 inline-flex items-center gap-1 text-xs text-slate-400">
                <input
                  type="checkbox"
                  checked={selected ?? false}
                  onChange={() => onToggleSelected(uid)}
                  data-testid="select-compare"
                />
                Compare
              </label>
            )}
            <Link
              to={openPath}
              className="inline-block rounded bg-sky-700 px-3 py-1 text-white hover:bg-sky-800"
              onClick={() => rememberOpenedStudy(study.key)}
              data-testid="open-study"
            >
              Open
            </Link>{' '}
            <CopyLinkButton path={buildViewerPath(uid, null)} />
          </>
        ) : null}
        {study.iid && (
          <a
            href={study.iid}
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
