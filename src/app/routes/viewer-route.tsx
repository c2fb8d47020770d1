import { useMemo, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { IdentityText } from '@/components/ui/untrusted-text';
import {
  parseSeriesInstanceUid,
  type SeriesInstanceUid,
  type StudyInstanceUid,
} from '@/domain/dicomweb/dicom-uid';
import {
  buildComparePath,
  buildViewerPath,
  compareStudyUidOf,
  parseDeepLink,
  type DeepLinkRequest,
} from '@/domain/fhir/deep-link';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { Study } from '@/domain/fhir/study';
import { usePatient } from '@/features/patient/api/get-patient';
import { useCompleteStudy } from '@/features/study-list/api/get-complete-study';
import { useLinkedStudy } from '@/features/study-list/api/find-linked-study';
import { CompareScreen } from '@/features/viewer/components/compare-screen';
import { ReportPanel } from '@/features/viewer/components/report-panel';
import { ViewerScreen } from '@/features/viewer/components/viewer-screen';
import { useWarmViewer } from '@/features/viewer/use-warm-viewer';
import { CompareControl } from './compare-control';
import { ComparedStudy } from './compared-study';
import { useStudyReportState } from './use-study-report-state';

/**
 * `/viewer?StudyInstanceUIDs=…[&SeriesInstanceUID=…]` (OHIF's names), `?ImagingStudy=<id>` (a SMART
 * fhirContext, and the study list's own links), or an IHE IID `?requestType=STUDY&studyUID=…`: all
 * land on one study of this patient, taken from the study list when this session has loaded it, else
 * found by a FHIR search, and completed over QIDO-RS when its ImagingStudy lists too little. IID
 * `requestType=PATIENT` goes to the patient's list.
 */
export function ViewerRoute() {
  useWarmViewer();
  const [params] = useSearchParams();
  const search = params.toString();
  const request = useMemo(() => parseDeepLink(new URLSearchParams(search)), [search]);

  switch (request.kind) {
    case 'none':
      return <Navigate to="/" replace />;
    case 'patient':
      return <PatientRequest patientId={request.patientId} />;
    case 'invalid':
      return <MalformedLink raw={request.raw} />;
    default:
      return <LinkedStudy request={request} />;
  }
}

function LinkedStudy({ request }: { request: Extract<DeepLinkRequest, { kind: 'study-uid' | 'study-id' }> }) {
  const [params, setParams] = useSearchParams();
  const linked = useLinkedStudy(request);
  const complete = useCompleteStudy(linked.data ?? null);
  const patient = usePatient();

  if (linked.isError)
    return <Message alert>The study could not be looked up: {linked.error.message}</Message>;
  if (patient.isError)
    return <Message alert>The patient could not be loaded: {patient.error.message}</Message>;
  if (linked.isPending || patient.isPending) return <Message>Looking up the study…</Message>;
  if (linked.data === null) {
    return <NotFound what={request.kind === 'study-uid' ? request.studyUid : `ImagingStudy/${request.id}`} />;
  }
  if (complete.isPending) return <Message>Listing the study’s series…</Message>;
  if (complete.isError)
    return <Message alert>The study could not be opened: {complete.error.message}</Message>;
  const study = complete.data;
  if (!study) return <NotFound what="" />;

  const seriesUid = parseSeriesInstanceUid(params.get('SeriesInstanceUID')) ?? request.seriesUid;

  // The series on screen goes into the URL, so the copied link and a reload reopen it.
  const followSeries = (uid: string) => {
    if (uid === seriesUid) return;
    const next = new URLSearchParams(params);
    next.set('SeriesInstanceUID', uid);
    setParams(next, { replace: true });
  };

  // Both studies go into the URL (OHIF's comma list), so a reload or a copied link keeps the pair.
  const showStudies = (compareUid: StudyInstanceUid | null) => {
    if (!study.studyInstanceUid) return;
    const next = new URLSearchParams(params);
    for (const name of ['ImagingStudy', 'requestType', 'studyUID']) next.delete(name);
    next.set(
      'StudyInstanceUIDs',
      compareUid ? `${study.studyInstanceUid},${compareUid}` : study.studyInstanceUid,
    );
    setParams(next);
  };

  const open = (other: Study | null) => (
    <OpenStudy
      study={study}
      other={other}
      patient={patient.data}
      seriesUid={seriesUid}
      onActiveSeriesChange={followSeries}
      onCompare={showStudies}
    />
  );
  const compare = compareStudyUidOf(params);
  return compare ? <ComparedStudy request={compare}>{open}</ComparedStudy> : open(null);
}

/**
 * The viewer with its bar (Report toggle, Copy link) and the report panel beside the images: shown
 * at first when the study has a report, and whenever the clinician asks.
 */
function OpenStudy({
  study,
  other,
  patient,
  seriesUid,
  onActiveSeriesChange,
  onCompare,
}: {
  study: Study;
  /** A second study shown beside the first (Compare), or null. */
  other: Study | null;
  patient: PatientIdentity;
  seriesUid: SeriesInstanceUid | null;
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
      <div className="flex justify-end gap-2 border-b border-slate-800 px-4 py-1">
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
            className="rounded border border-slate-600 px-2 py-0.5 text-xs text-slate-200 hover:border-slate-400"
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
                ? buildComparePath(studyUid, other.studyInstanceUid, seriesUid)
                : buildViewerPath(studyUid, seriesUid)
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

/** IID `requestType=PATIENT`: the list, unless the link names someone other than the patient in context. */
function PatientRequest({ patientId }: { patientId: string | null }) {
  const patient = usePatient();
  if (patientId === null) return <Navigate to="/" replace />;
  if (patient.isPending) return <Message>Loading the patient…</Message>;
  if (patient.isError)
    return <Message alert>The patient could not be loaded: {patient.error.message}</Message>;
  if (isSamePatient(patient.data, patientId)) return <Navigate to="/" replace />;
  return (
    <Message alert testId="patient-mismatch">
      The link asks for patient <IdentityText text={patientId} />, who is not the patient in context.{' '}
      <Link to="/" className="text-sky-300 underline">
        Show this patient’s studies
      </Link>
    </Message>
  );
}

function isSamePatient(patient: PatientIdentity, patientId: string): boolean {
  return patient.mrn === patientId || patient.id === patientId;
}

/** Not a UID (or id) any server could hold: no search is made, and the link is said to be broken. */
function MalformedLink({ raw }: { raw: string }) {
  return (
    <Message alert testId="deep-link-malformed">
      This link is malformed:{' '}
      {raw === '' ? (
        'it names no study'
      ) : (
        <>
          “<IdentityText text={raw} />” is not a study identifier
        </>
      )}
      . Ask whoever sent it for a new one, or{' '}
      <Link to="/" className="text-sky-300 underline">
        show this patient’s studies
      </Link>
      .
    </Message>
  );
}

function NotFound({ what }: { what: string }) {
  return (
    <Message alert testId="study-not-found">
      Study {what} was not found for this patient.{' '}
      <Link to="/" className="text-sky-300 underline">
        Show this patient’s studies
      </Link>
    </Message>
  );
}

function Message({
  children,
  alert,
  testId,
}: {
  children: React.ReactNode;
  alert?: boolean;
  testId?: string;
}) {
  return (
    <p
      className={`p-6 ${alert ? 'text-amber-300' : 'text-slate-400'}`}
      role={alert ? 'alert' : undefined}
      data-testid={testId}
    >
      {children}
    </p>
  );
}
