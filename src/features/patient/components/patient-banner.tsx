import { IdentityDate, IdentityText } from '@/components/ui/untrusted-text';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';

/**
 * The patient's identity, always visible above the list and the viewer (unless the EHR shows it). Every
 * field is record text: isolated, with invisible characters written out, and wrapped anywhere so a
 * long value makes the banner taller, never the page wider.
 */
export function PatientBanner({ patient }: { patient: PatientIdentity }) {
  return (
    <header
      data-testid="patient-banner"
      className="flex min-w-0 flex-wrap items-baseline gap-x-6 gap-y-1 border-b border-slate-700 bg-slate-900 px-4 py-2 [overflow-wrap:anywhere]"
    >
      <IdentityText
        text={patient.name}
        fallback="Unnamed patient"
        className="min-w-0 text-lg font-semibold text-slate-50"
        testId="patient-name"
      />
      <Field label="MRN" value={patient.mrn} testId="patient-mrn" />
      <span className="min-w-0 text-sm text-slate-300">
        <span className="text-slate-400">Born </span>
        <IdentityDate value={patient.birthDate} testId="patient-birth-date" />
      </span>
      <Field label="Sex" value={patient.gender} />
    </header>
  );
}

function Field({ label, value, testId }: { label: string; value: string | null; testId?: string }) {
  return (
    <span className="min-w-0 text-sm text-slate-300">
      <span className="text-slate-400">{label} </span>
      <IdentityText text={value} testId={testId} />
    </span>
  );
}
