import { IdentityText } from '@/components/ui/untrusted-text';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';

/**
 * The study-wide warning that images name another patient than the chart's: one wording and one look
 * wherever a study's header shows it (the viewer, each side of a comparison).
 */
export function StudyPatientMismatch({
  patient,
  className,
}: {
  patient: PatientIdentity;
  className: string;
}) {
  return (
    <span
      role="alert"
      data-testid="study-patient-mismatch"
      className={`rounded border-2 border-red-500 bg-red-950 px-2 py-0.5 font-semibold text-red-100 ${className}`}
    >
      ⚠ Patient mismatch: images in this study name a different patient than{' '}
      <IdentityText text={patient.name} fallback="the chart" />
    </span>
  );
}
