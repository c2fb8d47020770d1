import { useMemo } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { parseSeriesInstanceUid, type StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { compareStudyUidOf, parseDeepLink, type DeepLinkRequest } from '@/domain/fhir/deep-link';
import { initialSeriesIndexOf } from '@/domain/fhir/initial-series';
import type { Study } from '@/domain/fhir/study';
import { usePatient } from '@/features/patient/api/get-patient';
import { useCompleteStudy } from '@/features/study-list/api/get-complete-study';
import { useLinkedStudy } from '@/features/study-list/api/find-linked-study';
import { useWarmViewer } from '@/features/viewer/use-warm-viewer';
import { ComparedStudy } from './compared-study';
import { OpenStudy } from './open-study';
import { MalformedLink, Message, NotFound, PatientRequest } from './viewer-route-messages';

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

  const requestedSeriesUid = parseSeriesInstanceUid(params.get('SeriesInstanceUID')) ?? request.seriesUid;
  const compare = compareStudyUidOf(params);
  // A link that names no series opens the viewer's first series (initial-series.ts; a comparison picks
  // its own): the series such a link stands for, which the copied link names and which the viewer,
  // opening on it, need not write into the URL (a navigation re-renders the whole route while the first
  // image is being drawn).
  const openedSeriesUid =
    requestedSeriesUid ??
    (compare
      ? null
      : parseSeriesInstanceUid(study.series[initialSeriesIndexOf(study, null) ?? -1]?.uid ?? null));

  // The series on screen goes into the URL, so the copied link and a reload reopen it.
  const followSeries = (uid: string) => {
    if (uid === openedSeriesUid) return;
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
      seriesUid={requestedSeriesUid}
      linkSeriesUid={openedSeriesUid}
      onActiveSeriesChange={followSeries}
      onCompare={showStudies}
    />
  );
  return compare ? <ComparedStudy request={compare}>{open}</ComparedStudy> : open(null);
}
