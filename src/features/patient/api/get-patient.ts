import { queryOptions, useQuery } from '@tanstack/react-query';
import { patientIdentityOf, type PatientIdentity } from '@/domain/fhir/patient-identity';
import { useSmartSession, type SmartSession } from '@/lib/smart-session';

export async function getPatient(session: SmartSession, signal?: AbortSignal): Promise<PatientIdentity> {
  const patient: unknown = await session.fhirGet(
    `Patient/${encodeURIComponent(session.context.patientId)}`,
    signal,
  );
  return patientIdentityOf(patient);
}

export function patientQueryOptions(session: SmartSession) {
  return queryOptions({
    queryKey: ['patient', session.fhirBaseUrl, session.context.patientId],
    queryFn: ({ signal }) => getPatient(session, signal),
    staleTime: Infinity,
  });
}

export function usePatient() {
  return useQuery(patientQueryOptions(useSmartSession()));
}
