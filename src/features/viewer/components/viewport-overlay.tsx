import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { ResolvedSeries } from '@/domain/fhir/resolved-study';
import type { StudySummary } from '@/domain/fhir/study-summary';
import { formatFhirDateTime } from '@/lib/format-fhir-date';
import type { StackViewportState } from '@/rendering/use-stack-viewport';

interface ViewportOverlayProps {
  patient: PatientIdentity;
  study: StudySummary;
  series: ResolvedSeries;
  state: StackViewportState | null;
}

/** Identity and position on the image itself, as every PACS shows: it survives any screenshot. */
export function ViewportOverlay({ patient, study, series, state }: ViewportOverlayProps) {
  return (
    <div className="pointer-events-none absolute inset-0 p-2 font-mono text-xs text-slate-100 [text-shadow:0_0_3px_black]">
      <div className="absolute top-2 left-2 space-y-0.5" data-testid="overlay-patient">
        <div className="font-semibold">{patient.name ?? 'Unnamed patient'}</div>
        <div>ID {patient.mrn ?? '—'}</div>
        <div>
          {patient.birthDate ?? '—'} {patient.gender ?? ''}
        </div>
      </div>
      <div className="absolute top-2 right-2 space-y-0.5 text-right">
        <div>{study.description ?? ''}</div>
        <div>{formatFhirDateTime(study.started)}</div>
      </div>
      <div className="absolute bottom-2 left-2 space-y-0.5">
        <div>
          Se {series.number ?? '?'} {series.description ?? ''}
        </div>
        <div data-testid="overlay-image-index">
          Im {state && state.imageCount > 0 ? `${state.imageIndex + 1}/${state.imageCount}` : '—'}
        </div>
      </div>
      <div className="absolute right-2 bottom-2 text-right" data-testid="overlay-voi">
        {state?.windowWidth != null && state.windowCenter != null
          ? `W ${Math.round(state.windowWidth)} L ${Math.round(state.windowCenter)}`
          : ''}
      </div>
    </div>
  );
}
