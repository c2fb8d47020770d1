import { useEffect, useMemo, useState } from 'react';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { Study, StudySeries } from '@/domain/fhir/study';
import { defaultCineFrameRate } from '@/domain/imaging/cine-rate';
import type { KeyImages } from '@/domain/imaging/key-images';
import type { ViewerTool } from '@/domain/imaging/viewer-shortcuts';
import { availabilityNotice } from '@/domain/fhir/availability';
import { useServerWaiting } from '@/lib/server-waits';
import { useImagingAuthorization } from '@/lib/smart-session';
import { useFramesAhead } from '@/rendering/use-frames-ahead';
import { useStackViewport, type StackViewportController } from '@/rendering/use-stack-viewport';
import { useSeriesStack } from '../api/get-series-stack';
import type { CommandBus } from '../model/command-bus';
import { DicomTag, dicomString } from '@/domain/imaging/dicom-json';
import { hasPatientGeometry, isShownImageLossy, patientMatchOf } from '../model/viewport-identity';
import { MeasurementList } from './measurement-list';
import { ObjectViewport } from './object-viewport';
import { Centered, Waiting } from './viewport-notices';
import { shownImageOf, useShownStack } from './use-shown-stack';
import { useFramesToFetchAhead } from './use-frames-to-fetch-ahead';
import { useStackFirstPaint } from './use-stack-first-paint';
import { useViewportCommands } from './use-viewport-commands';
import { ViewportOverlay } from './viewport-overlay';

export const SERIES_DRAG_TYPE = 'application/x-imaging-series-index';

/** Long enough for an image that is quick to come to be drawn: those never blink (nor their notice). */
const HIDE_PENDING_AFTER_MS = 150;

interface StackViewportProps {
  studyUid: StudyInstanceUid;
  study: Study;
  series: StudySeries;
  patient: PatientIdentity;
  slot: number;
  active: boolean;
  bus: CommandBus;
  tool: ViewerTool;
  /** Null: the series' own rate (from its DICOM), else what the user chose. */
  cineFps: number | null;
  onActivate: () => void;
  onDropSeries: (seriesIndex: number) => void;
  /** The study's key images: the shown one is marked. */
  keyImages: KeyImages;
  /** Show only the series' key images (when it has any). */
  keyImagesOnly: boolean;
  /** Two studies side by side: see ViewportOverlay. */
  comparing?: { prior: boolean } | null;
  /** Told of the viewport's controller (null when it goes), e.g. to synchronise it with another. */
  onController?: (controller: StackViewportController | null) => void;
}

export function StackViewport({
  studyUid,
  study,
  series,
  patient,
  slot,
  active,
  bus,
  tool,
  cineFps,
  onActivate,
  onDropSeries,
  keyImages,
  keyImagesOnly,
  comparing = null,
  onController,
}: StackViewportProps) {
  const authorizationFor = useImagingAuthorization();
  const stack = useSeriesStack(studyUid, series);
  const shownStack = useShownStack(stack.data?.images, keyImages, keyImagesOnly);
  const shownImages = shownStack.images;
  const input = useMemo(
    () => (shownImages.length > 0 && series.key ? { key: series.key, images: shownImages } : null),
    [shownImages, series.key],
  );
  const { attachElement, state, error, controller, firstImagePending } = useStackViewport(
    input,
    authorizationFor,
  );
  const problem = stack.isError ? stack.error.message : (error?.message ?? state?.loadError ?? null);
  // The image at the current position is on its way (the first one, or one the user moved to).
  const imagePending = !problem && (firstImagePending || (state?.imagePending ?? false));
  const imageServer = series.wadoRs ? new URL(series.wadoRs.address).origin : null;
  const waitingForServer = useServerWaiting('image', imageServer);
  const {
    metadata: shown,
    keyImageReasons,
    framesLeftOut,
  } = shownImageOf(shownStack, state?.imageIndex ?? 0, keyImages, state?.drawnFrameCount ?? null);
  const fps = cineFps ?? defaultCineFrameRate(shown);
  const cinePlaying = state?.cinePlaying ?? false;
  // Latched: once the renderer has drawn here, an image pending later (a scroll, another series) is
  // the renderer's to show, and no first paint (nor its early fetch of image 1) starts again.
  const [rendererDrew, setRendererDrew] = useState(false);
  if (!rendererDrew && state?.transferSyntax) setRendererDrew(true);
  // The stack's images once the series' metadata is in (null before).
  const stackImages = stack.data ? shownImages : null;
  const { firstSource, firstPaint, attachFirstPaint } = useStackFirstPaint(
    studyUid,
    series,
    stackImages,
    rendererDrew,
  );
  // The next images' bytes while the renderer starts (its prefetch takes them).
  useFramesAhead(
    useFramesToFetchAhead(studyUid, series, stackImages, keyImagesOnly),
    firstSource?.metadata ?? null,
    authorizationFor,
    !keyImagesOnly,
  );

  useEffect(() => controller?.setPrimaryTool(tool), [controller, tool]);

  useEffect(() => {
    if (!onController || !controller) return;
    onController(controller);
    return () => onController(null);
  }, [controller, onController]);

  // A new rate applies at once to a clip that is playing.
  useEffect(() => {
    if (controller && cinePlaying) controller.playCine(fps);
  }, [controller, cinePlaying, fps]);

  useViewportCommands(active ? controller : null, bus, series.modality, cinePlaying, fps);

  // A series of reports, documents or key object selections: shown as what they are, not as a stack.
  if (stack.data && stack.data.images.length === 0) {
    return (
      <div
        className={`relative h-full w-full outline-2 -outline-offset-2 ${active ? 'outline-sky-400' : 'outline-slate-800'}`}
        data-testid="viewport"
        data-slot={slot}
        data-active={active}
        data-series-uid={series.uid ?? ''}
        data-objects={stack.data.objects.length}
        onPointerDownCapture={onActivate}
      >
        <ObjectViewport objects={stack.data.objects} patient={patient} />
      </div>
    );
  }

  // A first paint before the series' metadata is checked and labelled by its own instance's.
  const identified = shown ?? (firstPaint ? firstSource?.metadata : null);
  const match = identified ? patientMatchOf(patient, identified, state?.drawnPatient ?? null) : null;
  const lossy = identified ? isShownImageLossy(identified, state?.transferSyntax ?? null) : false;
  const orientation = shown && hasPatientGeometry(shown) ? (state?.orientation ?? null) : null;
  // Under the same overlay (identity, mismatch warning) as the renderer's image; never over a message.
  const showFirstPaint = firstPaint !== null && !rendererDrew && !problem && (state?.imageIndex ?? 0) === 0;

  return (
    <div
      className={`relative h-full w-full bg-black outline-2 -outline-offset-2 ${
        active ? 'outline-sky-400' : 'outline-slate-800'
      }`}
      data-testid="viewport"
      data-slot={slot}
      data-active={active}
      data-series-uid={series.uid ?? ''}
      data-image-index={state?.imageIndex ?? ''}
      data-image-count={state?.imageCount ?? ''}
      data-sop-instance-uid={shown ? (dicomString(shown, DicomTag.SopInstanceUid) ?? '') : ''}
      data-image-pending={imagePending}
      data-window-center={state?.windowCenter ?? ''}
      data-window-width={state?.windowWidth ?? ''}
      data-zoom={state?.zoom ?? ''}
      data-invert={state?.invert ?? ''}
      data-rotation={state?.rotation ?? ''}
      data-flip-horizontal={state?.flipHorizontal ?? ''}
      data-flip-vertical={state?.flipVertical ?? ''}
      data-cine={cinePlaying ? 'playing' : 'stopped'}
      data-transfer-syntax={state?.transferSyntax ?? ''}
      data-first-paint={showFirstPaint}
      data-lossy={lossy}
      data-patient-match={match?.status ?? ''}
      data-key-image={keyImageReasons !== null}
      onPointerDownCapture={onActivate}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(SERIES_DRAG_TYPE)) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={(event) => {
        const index = Number(event.dataTransfer.getData(SERIES_DRAG_TYPE));
        if (event.dataTransfer.types.includes(SERIES_DRAG_TYPE) && Number.isInteger(index)) {
          event.preventDefault();
          onActivate();
          onDropSeries(index);
        }
      }}
    >
      {/* A failed or pending image's place never shows the previous image's pixels left on the canvas
          under the new position's number (hidden, not removed: the element keeps its events, so wheel
          and keys still move on). A pending image hides them after a moment only: scrolling through
          images already loaded must not flicker. */}
      <div
        ref={attachElement}
        className="absolute inset-0"
        style={
          state?.loadError
            ? { opacity: 0 }
            : imagePending
              ? { opacity: 0, transition: `opacity 0s linear ${HIDE_PENDING_AFTER_MS}ms` }
              : { opacity: 1 }
        }
        data-testid="viewport-element"
        data-image-failed={Boolean(state?.loadError)}
      />
      {showFirstPaint && (
        <canvas
          ref={attachFirstPaint}
          className="pointer-events-none absolute inset-0 h-full w-full"
          data-testid="first-paint"
          aria-hidden="true"
        />
      )}
      <ViewportOverlay
        patient={patient}
        study={study}
        series={series}
        state={state}
        cineFps={fps}
        lossy={lossy}
        match={match}
        orientation={orientation}
        keyImageReasons={keyImageReasons}
        keyImagesOnly={shownStack.filtered}
        order={stack.data?.order ?? null}
        framesLeftOut={framesLeftOut}
        comparing={comparing}
      />
      {state && state.measurements.length > 0 && <MeasurementList measurements={state.measurements} />}
      {stack.isPending && !showFirstPaint && (
        <Waiting testId="viewport-loading-series" server={waitingForServer ? imageServer : null}>
          Loading series…
          {series.availability === 'NEARLINE' && ` ${availabilityNotice(series.availability) ?? ''}`}
        </Waiting>
      )}
      {!stack.isPending && imagePending && !showFirstPaint && (
        <Waiting
          testId="viewport-loading"
          server={waitingForServer ? imageServer : null}
          showAfterMs={HIDE_PENDING_AFTER_MS}
        >
          Loading image…
        </Waiting>
      )}
      {problem && (
        <Centered>
          <span role="alert" className="text-amber-300" data-testid="viewport-error">
            {problem}
          </span>
          {/* No dead end: the clinician can ask again for the series' metadata or for this image (an
              image is also asked for again by itself once the server answers). */}
          {(stack.isError || state?.loadError) && (
            <button
              type="button"
              className="pointer-events-auto ml-3 min-h-6 rounded border border-amber-300 px-2 py-0.5 text-amber-200 hover:bg-amber-950"
              onClick={() => (stack.isError ? void stack.refetch() : controller?.retryImage())}
              data-testid="viewport-retry"
            >
              Retry
            </button>
          )}
        </Centered>
      )}
    </div>
  );
}
