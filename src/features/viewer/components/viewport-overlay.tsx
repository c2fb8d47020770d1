import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { Study, StudySeries } from '@/domain/fhir/study';
import type { OrientationMarkers } from '@/domain/imaging/orientation';
import type { PatientMatch } from '@/domain/imaging/patient-match';
import { formatFhirDateTime } from '@/lib/format-fhir-date';
import type { StackViewportState } from '@/rendering/use-stack-viewport';

interface ViewportOverlayProps {
  patient: PatientIdentity;
  study: Study;
  series: StudySeries;
  state: StackViewportState | null;
  cineFps: number;
  lossy: boolean;
  match: PatientMatch | null;
  orientation: OrientationMarkers | null;
}

/** Identity and position on the image itself, as every PACS shows: it survives any screenshot. */
export function ViewportOverlay({
  patient,
  study,
  series,
  state,
  cineFps,
  lossy,
  match,
  orientation,
}: ViewportOverlayProps) {
  return (
    <div className="pointer-events-none absolute inset-0 p-2 font-mono text-xs text-slate-100 [text-shadow:0_0_3px_black]">
      <div className="absolute top-2 left-2 space-y-0.5" data-testid="overlay-patient">
        <div className="font-semibold">{patient.name ?? 'Unnamed patient'}</div>
        <div>ID {patient.mrn ?? '—'}</div>
        <div>
          {patient.birthDate ?? '—'} {patient.gender ?? ''}
        </div>
      </div>
      <div className="absolute top-2 right-2 space-y-0.5 text-right" data-testid="overlay-study">
        <div>{study.description ?? ''}</div>
        <div>{formatFhirDateTime(study.started)}</div>
        {lossy && (
          <div
            className="inline-block rounded bg-amber-500 px-1 font-semibold text-black [text-shadow:none]"
            data-testid="lossy-marker"
            title="This image has been compressed with loss: do not use it for primary diagnosis."
          >
            LOSSY
          </div>
        )}
      </div>
      {match?.status === 'mismatch' && (
        <div
          role="alert"
          data-testid="viewport-patient-mismatch"
          className="absolute top-16 right-2 left-2 rounded border-2 border-red-500 bg-red-950/90 p-2 text-center text-sm font-semibold text-red-100 [text-shadow:none]"
        >
          ⚠ These images may belong to another patient. {match.reasons.join('; ')}.
        </div>
      )}
      <div className="absolute bottom-2 left-2 space-y-0.5">
        <div data-testid="overlay-series">
          Se {series.number ?? '?'} {series.description ?? ''}
        </div>
        <div data-testid="overlay-image-index">
          Im {state && state.imageCount > 0 ? `${state.imageIndex + 1}/${state.imageCount}` : '—'}
        </div>
      </div>
      <div className="absolute right-2 bottom-2 space-y-0.5 text-right">
        {state?.cinePlaying && <div data-testid="overlay-cine">▶ {cineFps} fps</div>}
        <div data-testid="overlay-zoom">{state?.zoom != null ? `Zoom ${state.zoom.toFixed(2)}×` : ''}</div>
        <div data-testid="overlay-voi">
          {state?.windowWidth != null && state.windowCenter != null
            ? `W ${Math.round(state.windowWidth)} L ${Math.round(state.windowCenter)}`
            : ''}
          {state?.invert ? ' INV' : ''}
        </div>
      </div>
      {orientation && (
        <div data-testid="orientation-markers" className="text-sm font-semibold">
          <span className="absolute top-1/2 left-2 -translate-y-1/2" data-testid="orientation-left">
            {orientation.left}
          </span>
          <span className="absolute top-1/2 right-2 -translate-y-1/2" data-testid="orientation-right">
            {orientation.right}
          </span>
          <span className="absolute top-2 left-1/2 -translate-x-1/2" data-testid="orientation-top">
            {orientation.top}
          </span>
          <span className="absolute bottom-2 left-1/2 -translate-x-1/2" data-testid="orientation-bottom">
            {orientation.bottom}
          </span>
        </div>
      )}
    </div>
  );
}
