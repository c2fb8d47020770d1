import { useState } from 'react';
import { Link } from 'react-router';
import { CopyLinkButton } from '@/components/ui/copy-link-button';
import type { SeriesInstanceUid, StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { buildComparePath, buildViewerPath } from '@/domain/fhir/deep-link';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { Study } from '@/domain/fhir/study';
import { CompareScreen } from '@/features/viewer/components/compare-screen';
import { ReportPanel } from '@/features/viewer/components/report-panel';
import { ViewerScreen } from '@/features/viewer/components/viewer-screen';
import { CompareControl } from './compare-control';
import { useStudyReportState } from './use-study-report-state';

/**
 * The viewer with its bar (Report toggle, Copy link) and the report panel beside the images: shown
 * at first when the study has a report, and whenever the clinician asks.
 */
export function OpenStudy({
  study,
  other,
  patient,
  seriesUid,
  linkSeriesUid,
  onActiveSeriesChange,
  onCompare,
}: {
  study: Study;
  /** A second study shown beside the first (Compare), or null. */
  other: Study | null;
  patient: PatientIdentity;
  /** The series the link asked for (null: the screen's own first choice). */
  seriesUid: SeriesInstanceUid | null;
  /** The series "Copy link" names: the one asked for, or the one a link without one opens. */
  linkSeriesUid: SeriesInstanceUid | null;
  onActiveSeriesChange: (uid: string) => void;
  /** Opens a study beside this one, or (null) closes the comparison. */
  onCompare: (studyUid: StudyInstanceUid | null) => void;
}) {
  const reports = useStudyReportState(study);
  const [reportChoice, setReportChoice] = useState<boolean | null>(null);
  const reportCount = reports.status === 'available' ? reports.reports.length : 0;
  const reportShown = reportChoice ?? reportCount > 0;
  const studyUid = study.studyInstanceUid;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex items-center justify-end gap-2 border-b border-slate-800 px-4 py-1">
        {/* Files from this computer, checked against this patient (issue 15): never uploaded. */}
        <Link
          to="/files"
          className="mr-auto text-xs text-sky-300 hover:text-sky-200"
          data-testid="viewer-open-local-files"
        >
          Open DICOM files from this computer…
        </Link>
        <button
          type="button"
          className="min-h-6 rounded border border-slate-600 px-2 py-0.5 text-xs text-slate-200 hover:border-slate-400"
          aria-pressed={reportShown}
          onClick={() => setReportChoice(!reportShown)}
          data-testid="toggle-report"
        >
          Report{reportCount > 0 ? ` (${reportCount})` : ''}
        </button>
        {other ? (
          <button
            type="button"
            className="min-h-6 rounded border border-slate-600 px-2 py-0.5 text-xs text-slate-200 hover:border-slate-400"
            onClick={() => onCompare(null)}
            data-testid="compare-close"
          >
            Close compare
          </button>
        ) : (
          studyUid && <CompareControl study={study} onCompare={onCompare} />
        )}
        {studyUid && (
          <CopyLinkButton
            path={
              other?.studyInstanceUid
                ? buildComparePath(studyUid, other.studyInstanceUid, linkSeriesUid)
                : buildViewerPath(studyUid, linkSeriesUid)
            }
          />
        )}
      </div>
      <div className="flex min-h-0 flex-1">
        <div className="min-w-0 flex-1">
          {other ? (
            <CompareScreen
              key={`${study.key}+${other.key}`}
              study={study}
              other={other}
              patient={patient}
              initialSeriesUid={seriesUid}
              onActiveSeriesChange={onActiveSeriesChange}
            />
          ) : (
            <ViewerScreen
              key={study.key}
              study={study}
              patient={patient}
              initialSeriesUid={seriesUid}
              onActiveSeriesChange={onActiveSeriesChange}
            />
          )}
        </div>
        {reportShown && <ReportPanel state={reports} />}
      </div>
    </div>
  );
}
