import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import { formatFhirDateTime } from '@/lib/format-fhir-date';

/** The patient's identity, always visible above the list and the viewer (unless the EHR shows it). */
export function PatientBanner({ patient }: { patient: PatientIdentity }) {
  return (
    <header
      data-testid="patient-banner"
      className="flex flex-wrap items-baseline gap-x-6 gap-y-1 border-b border-slate-700 bg-slate-900 px-4 py-2"
    >
      <span className="text-lg font-semibold text-slate-50" data-testid="patient-name">
        {patient.name ?? 'Unnamed patient'}
      </span>
      <Field label="MRN" value={patient.mrn} testId="patient-mrn" />
      <Field label="Born" value={patient.birthDate ? formatFhirDateTime(patient.birthDate) : null} />
      <Field label="Sex" value={patient.gender} />
    </header>
  );
}

function Field({ label, value, testId }: { label: string; value: string | null; testId?: string }) {
  return (
    <span className="text-sm text-slate-300">
      <span className="text-slate-500">{label} </span>
      <span data-testid={testId}>{value ?? '—'}</span>
    </span>
  );
}
