import type { ReactNode } from 'react';
import { Link, Navigate } from 'react-router';
import { IdentityText } from '@/components/ui/untrusted-text';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import { usePatient } from '@/features/patient/api/get-patient';

/** IID `requestType=PATIENT`: the list, unless the link names someone other than the patient in context. */
export function PatientRequest({ patientId }: { patientId: string | null }) {
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
export function MalformedLink({ raw }: { raw: string }) {
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

export function NotFound({ what }: { what: string }) {
  return (
    <Message alert testId="study-not-found">
      Study {what} was not found for this patient.{' '}
      <Link to="/" className="text-sky-300 underline">
        Show this patient’s studies
      </Link>
    </Message>
  );
}

export function Message({
  children,
  alert,
  testId,
}: {
  children: ReactNode;
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
