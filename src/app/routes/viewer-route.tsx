import { useSearchParams } from 'react-router';
import type { StudyListEntry } from '@/domain/fhir/study-list';
import { usePatient } from '@/features/patient/api/get-patient';
import { useImagingStudies } from '@/features/study-list/api/get-imaging-studies';
import { ViewerScreen } from '@/features/viewer/components/viewer-screen';

/**
 * `/viewer?StudyInstanceUIDs=…[&SeriesInstanceUID=…]` (OHIF's names), `?ImagingStudy=<id>` (a SMART
 * fhirContext), or an IHE IID `?requestType=STUDY&studyUID=…`: all land on one study of this patient.
 */
export function ViewerRoute() {
  const [params] = useSearchParams();
  const studies = useImagingStudies();
  const patient = usePatient();
  const wanted = studyWantedBy(params);

  if (studies.isPending || patient.isPending) return <Message>Loading the study…</Message>;
  if (studies.isError)
    return <Message alert>The patient’s studies could not be loaded: {studies.error.message}</Message>;
  if (patient.isError)
    return <Message alert>The patient could not be loaded: {patient.error.message}</Message>;

  const entry = studies.data.find((candidate) => matches(candidate, wanted));
  if (!entry) {
    return (
      <Message alert testId="study-not-found">
        No study {wanted.uid ?? wanted.id ?? ''} was found for this patient.
      </Message>
    );
  }
  return (
    <ViewerScreen
      key={entry.key}
      entry={entry}
      patient={patient.data}
      initialSeriesUid={params.get('SeriesInstanceUID')}
    />
  );
}

interface WantedStudy {
  uid: string | null;
  id: string | null;
}

function studyWantedBy(params: URLSearchParams): WantedStudy {
  const uids =
    params.get('StudyInstanceUIDs') ??
    (params.get('requestType') === 'STUDY' ? params.get('studyUID') : null);
  const uid = uids?.split(',')[0]?.trim() || null;
  return { uid, id: params.get('ImagingStudy') };
}

function matches(entry: StudyListEntry, wanted: WantedStudy): boolean {
  if (wanted.uid) return entry.resolved.studyInstanceUid === wanted.uid;
  if (wanted.id) return entry.summary.id === wanted.id;
  return false;
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
