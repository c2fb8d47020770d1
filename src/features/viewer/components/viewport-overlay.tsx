import { IdentityDate, IdentityText, UntrustedText } from '@/components/ui/untrusted-text';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { Study, StudySeries } from '@/domain/fhir/study';
import type { OrientationMarkers } from '@/domain/imaging/orientation';
import type { StackOrderNote } from '@/domain/imaging/stack-order';
import type { MismatchReason, PatientMatch } from '@/domain/imaging/patient-match';
import { formatStudyStarted } from '@/lib/format-fhir-date';
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
  /** Why the shown image was flagged by the study's key object selections; null when it was not. */
  keyImageReasons?: readonly string[] | null;
  /** The stack holds only the series' key images (the "Key images only" filter). */
  keyImagesOnly?: boolean;
  /** How the stack was ordered when the images' positions were not known (WADO-URI); null otherwise. */
  order?: StackOrderNote | null;
  /** The shown instance has more frames than the stack holds (a multi-frame file over WADO-URI). */
  framesLeftOut?: { shown: number; total: number } | null;
  /** Set when two studies are side by side: the date stands out, and the older one says PRIOR. */
  comparing?: { prior: boolean } | null;
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
  keyImageReasons = null,
  keyImagesOnly = false,
  order = null,
  framesLeftOut = null,
  comparing = null,
}: ViewportOverlayProps) {
  return (
    <div className="pointer-events-none absolute inset-0 overflow-hidden p-2 font-mono text-xs text-slate-100 [text-shadow:0_0_3px_black]">
      {/* One flow from the top: identity, study text and the mismatch warning take turns, never overlap.
          Identity keeps its half whatever the study's description holds; record text wraps anywhere. */}
      <div className="absolute inset-x-2 top-2 flex flex-col gap-1">
        <div className="flex items-start gap-4">
          <div className="min-w-0 flex-1 space-y-0.5 [overflow-wrap:anywhere]" data-testid="overlay-patient">
            <IdentityText
              text={patient.name}
              fallback="Unnamed patient"
              className="block font-semibold"
              testId="overlay-patient-name"
            />
            <div>
              ID <IdentityText text={patient.mrn} testId="overlay-patient-id" />
            </div>
            <div>
              <IdentityDate value={patient.birthDate} /> <IdentityText text={patient.gender} fallback="" />
            </div>
          </div>
          <div
            className="min-w-0 flex-1 space-y-0.5 text-right [overflow-wrap:anywhere]"
            data-testid="overlay-study"
          >
            <UntrustedText
              text={study.description}
              fallback=""
              className="line-clamp-2"
              testId="overlay-study-description"
            />
            <div
              data-testid="overlay-study-date"
              className={comparing ? 'text-base font-bold text-white' : undefined}
            >
              {comparing?.prior && (
                <span
                  className="mr-1 rounded bg-violet-600 px-1 text-sm text-white [text-shadow:none]"
                  data-testid="overlay-prior"
                >
                  PRIOR
                </span>
              )}
              {formatStudyStarted(study)}
            </div>
            {state?.renderedByPacs && (
              <div
                role="status"
                className="ml-1 inline-block rounded bg-red-600 px-1 font-semibold text-white [text-shadow:none]"
                data-testid="rendered-marker"
                title="The browser could not decode this image: it is the PACS's own rendering (8-bit, windowed by the PACS, no measurements in modality units)."
              >
                Rendered by the PACS — not diagnostic
              </div>
            )}
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
        </div>
        {match?.status === 'mismatch' && (
          <div
            role="alert"
            data-testid="viewport-patient-mismatch"
            className="rounded border-2 border-red-500 bg-red-950/90 p-2 text-center text-sm font-semibold text-red-100 [overflow-wrap:anywhere] [text-shadow:none]"
          >
            ⚠ These images may belong to another patient.{' '}
            {match.reasons.map((reason, index) => (
              <span key={index}>
                {index > 0 && '; '}
                <MismatchReasonText reason={reason} />
              </span>
            ))}
            .
          </div>
        )}
      </div>
      <div className="absolute bottom-2 left-2 max-w-[50%] min-w-0 space-y-0.5 [overflow-wrap:anywhere]">
        <div data-testid="overlay-series" className="line-clamp-2">
          Se {series.number ?? '?'} <UntrustedText text={series.description} fallback="" />
        </div>
        <div data-testid="overlay-image-index">
          Im {state && state.imageCount > 0 ? `${state.imageIndex + 1}/${state.imageCount}` : '—'}
          {keyImagesOnly && <span data-testid="overlay-key-images-only"> (key images only)</span>}
          {order && <span data-testid="overlay-stack-order"> {order.brief}</span>}
        </div>
        {framesLeftOut && (
          <div role="note" className="text-amber-300" data-testid="overlay-frames-left-out">
            {framesLeftOut.shown} of this instance’s {framesLeftOut.total} frames shown: the image server
            sends it as a whole file only.
          </div>
        )}
        {keyImageReasons && (
          <div
            className="inline-block rounded bg-yellow-300 px-1 font-semibold text-black [text-shadow:none]"
            data-testid="key-image-marker"
          >
            ★ Key image:{' '}
            {keyImageReasons.map((reason, index) => (
              <span key={index}>
                {index > 0 && ', '}
                <UntrustedText text={reason} fallback="" />
              </span>
            ))}
          </div>
        )}
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

/** The DICOM value is an identity field too: isolated, invisible characters written out. */
export function MismatchReasonText({ reason }: { reason: MismatchReason }) {
  return reason.field === 'id' ? (
    <>
      DICOM patient ID <IdentityText text={reason.dicomValue} /> is not one of the patient’s identifiers
    </>
  ) : (
    <>
      DICOM patient name <IdentityText text={reason.dicomValue} /> differs
    </>
  );
}
