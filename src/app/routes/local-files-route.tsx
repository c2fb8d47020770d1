import { Link } from 'react-router';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { Study } from '@/domain/fhir/study';
import { LocalFilesScreen } from '@/features/local-files/components/local-files-screen';
import { usePatient } from '@/features/patient/api/get-patient';
import { ViewerScreen } from '@/features/viewer/components/viewer-screen';
import { useSmartSession } from '@/lib/smart-session';

const LINK = 'text-sm text-sky-300 hover:text-sky-200';

function renderStudy(study: Study, patient: PatientIdentity) {
  return <ViewerScreen key={study.key} study={study} patient={patient} initialSeriesUid={null} />;
}

/** `/files` inside a session: the files are checked against the patient in context. */
export function LocalFilesSessionRoute() {
  const { context } = useSmartSession();
  const patient = usePatient();
  if (patient.isPending) return <p className="p-6 text-slate-400">Loading the patient…</p>;
  if (patient.isError) {
    return (
      <p className="p-6 text-amber-300" role="alert">
        The patient could not be loaded, so files cannot be checked against the chart: {patient.error.message}
      </p>
    );
  }
  return (
    <LocalFilesScreen
      context={{
        patient: patient.data,
        subject: `Patient/${context.patientId}`,
        encounter: context.encounterId ? `Encounter/${context.encounterId}` : null,
      }}
      renderStudy={renderStudy}
      backLink={
        <Link to="/" className={LINK}>
          ← This patient’s studies
        </Link>
      }
    />
  );
}

/** `/files` without a session (from the start page): no chart, no token, nothing sent anywhere. */
export function LocalFilesStandaloneRoute() {
  return (
    <LocalFilesScreen
      context={null}
      renderStudy={renderStudy}
      backLink={
        <Link to="/" className={LINK}>
          ← Start page
        </Link>
      }
    />
  );
}
