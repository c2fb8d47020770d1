import { Enums, EVENTS, eventTarget, utilities, type StackViewport, type Types } from '@cornerstonejs/core';
import { Enums as ToolEnums, utilities as toolUtilities } from '@cornerstonejs/tools';
import type { ViewerTool } from '@/domain/imaging/viewer-shortcuts';
import { ImageLoadTracker } from './image-load-tracker';
import { viewportAwaitsFirstImage } from './load-priority';
import { RENDERING_ENGINE_ID, renderingEngine } from './rendering-engine';
import { SnapshotStore } from './snapshot-store';
import { ViewportToolBindings } from './tool-bindings';
import { deleteMeasurementOnImage, MEASUREMENT_EVENTS } from './viewport-measurements';
import {
  INITIAL_STATE,
  readViewportState,
  sameViewportState,
  type StackViewportState,
} from './viewport-state';

const FIRST_IMAGE_WAIT_MS = 10_000;

const ELEMENT_EVENTS = [
  EVENTS.STACK_NEW_IMAGE,
  EVENTS.VOI_MODIFIED,
  EVENTS.IMAGE_RENDERED,
  EVENTS.CAMERA_MODIFIED,
  ToolEnums.Events.ANNOTATION_RENDERED,
];

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
let viewportCounter = 0;

/**
 * A Cornerstone stack viewport on one element: mount → setStack → destroy, and every view command
 * the toolbar and keys send. Its state is a store React reads with `useSyncExternalStore`
 * (`subscribe` + `getSnapshot`); tools, measurements and the state itself live in their own modules.
 */
export class StackViewportController {
  /** Cornerstone's id of this viewport (for the synchronizers that link it to another). */
  readonly viewportId: string;
  private readonly tools: ViewportToolBindings;
  private readonly store = new SnapshotStore<StackViewportState>(INITIAL_STATE, sameViewportState);
  private readonly resizeObserver: ResizeObserver;
  private cinePlaying = false;
  private cineFps = 10;
  private readonly images: ImageLoadTracker;
  private destroyed = false;
  private firstImageShown: (() => void) | null = null;
  private markDestroyed: () => void = () => undefined;
  private readonly destroyedPromise = new Promise<void>((resolve) => {
    this.markDestroyed = resolve;
  });

  /** For `useSyncExternalStore`: stable functions, a snapshot that changes only with the state. */
  readonly subscribe = this.store.subscribe;
  readonly getSnapshot = this.store.getSnapshot;

  constructor(private readonly element: HTMLDivElement) {
    viewportCounter += 1;
    this.viewportId = `stack-${viewportCounter}`;
    element.oncontextmenu = (event) => event.preventDefault();
    renderingEngine().enableElement({
      viewportId: this.viewportId,
      type: Enums.ViewportType.STACK,
      element,
      defaultOptions: { background: [0, 0, 0] as Types.Point3 },
    });
    this.tools = new ViewportToolBindings(
      `stack-tools-${viewportCounter}`,
      this.viewportId,
      RENDERING_ENGINE_ID,
    );
    // Before onChange: the state it publishes includes what the tracker learns.
    this.images = new ImageLoadTracker(element, () => this.viewport, this.onChange, this.onImageSettled);
    for (const name of ELEMENT_EVENTS) element.addEventListener(name, this.onChange);
    for (const name of MEASUREMENT_EVENTS) eventTarget.addEventListener(name, this.onChange);
    this.resizeObserver = new ResizeObserver(() => renderingEngine().resize(true, true));
    this.resizeObserver.observe(element);
  }

  private get viewport(): StackViewport {
    return renderingEngine().getViewport<StackViewport>(this.viewportId);
  }

  /**
   * Shows a stack; resolves once its first image is on screen (Cornerstone's own promise resolves
   * before the pixels arrive), so callers can hold background work back until then.
   */
  async setStack(imageIds: readonly string[], initialIndex = 0): Promise<void> {
    if (this.destroyed) return;
    const index = Math.min(Math.max(0, initialIndex), Math.max(0, imageIds.length - 1));
    const shown = new Promise<void>((resolve) => {
      this.firstImageShown = resolve;
    });
    const release = viewportAwaitsFirstImage();
    try {
      const loading = this.viewport.setStack([...imageIds], index);
      // The stack's length is known now; its first image may take a while (codecs start lazily).
      this.onChange();
      await loading;
      if (this.destroyed) return;
      this.viewport.render();
      this.onChange();
      // A first image that fails to load never shows: background work goes ahead after a while.
      await Promise.race([shown, this.destroyedPromise, delay(FIRST_IMAGE_WAIT_MS)]);
    } finally {
      release();
    }
  }

  /** Which tool the left button (and one finger) drives. */
  setPrimaryTool(tool: ViewerTool): void {
    if (!this.destroyed) this.tools.setPrimaryTool(tool);
  }

  async showImage(index: number): Promise<void> {
    if (this.destroyed) return;
    const last = this.viewport.getImageIds().length - 1;
    await this.viewport.setImageIdIndex(Math.min(Math.max(0, index), Math.max(0, last)));
  }

  scroll(delta: number): void {
    if (!this.destroyed) this.viewport.scroll(delta);
  }

  showEdge(edge: 'first' | 'last'): Promise<void> {
    return this.showImage(edge === 'first' ? 0 : this.viewport.getImageIds().length - 1);
  }

  /** A window in modality units (HU for CT). */
  setWindow(center: number, width: number): void {
    if (this.destroyed) return;
    this.viewport.setProperties({ voiRange: utilities.windowLevel.toLowHighRange(width, center) });
    this.viewport.render();
  }

  toggleInvert(): void {
    if (this.destroyed) return;
    this.viewport.setProperties({ invert: !this.viewport.getProperties().invert });
    this.viewport.render();
  }

  rotate(degrees: number): void {
    if (this.destroyed) return;
    const current = this.viewport.getViewPresentation().rotation ?? 0;
    this.viewport.setViewPresentation({ rotation: (((current + degrees) % 360) + 360) % 360 });
    this.viewport.render();
  }

  flip(axis: 'horizontal' | 'vertical'): void {
    if (this.destroyed) return;
    const { flipHorizontal = false, flipVertical = false } = this.viewport.getViewPresentation();
    this.viewport.setViewPresentation(
      axis === 'horizontal' ? { flipHorizontal: !flipHorizontal } : { flipVertical: !flipVertical },
    );
    this.viewport.render();
  }

  /** The whole image in the viewport, centred; rotation, flips and window stay. */
  fit(): void {
    if (this.destroyed) return;
    this.viewport.setViewPresentation({ zoom: 1, pan: [0, 0] });
    this.viewport.render();
  }

  /** Back to how the image first appeared: its own window, no inversion, rotation or flip, fitted. */
  reset(): void {
    if (this.destroyed) return;
    this.viewport.resetProperties();
    this.viewport.setViewPresentation({ rotation: 0, flipHorizontal: false, flipVertical: false });
    this.viewport.resetCamera();
    this.viewport.render();
  }

  playCine(fps: number): void {
    if (this.destroyed) return;
    if (this.cinePlaying) toolUtilities.cine.stopClip(this.element);
    this.cineFps = fps;
    this.cinePlaying = true;
    toolUtilities.cine.playClip(this.element, { framesPerSecond: fps, loop: true });
    this.onChange();
  }

  stopCine(): void {
    if (this.destroyed || !this.cinePlaying) return;
    toolUtilities.cine.stopClip(this.element);
    this.cinePlaying = false;
    this.onChange();
  }

  /** Asks again for the image at the current position, after it failed. */
  retryImage(): void {
    if (!this.destroyed) this.images.retryCurrentImage();
  }

  /** Deletes the selected measurement, else the newest one on the shown image. */
  deleteMeasurement(): void {
    if (this.destroyed) return;
    if (deleteMeasurementOnImage(this.viewport.getCurrentImageId())) this.viewport.render();
  }

  destroy(): void {
    if (this.destroyed) return;
    if (this.cinePlaying) toolUtilities.cine.stopClip(this.element);
    this.destroyed = true;
    this.markDestroyed();
    this.resizeObserver.disconnect();
    for (const name of ELEMENT_EVENTS) this.element.removeEventListener(name, this.onChange);
    this.images.destroy();
    for (const name of MEASUREMENT_EVENTS) eventTarget.removeEventListener(name, this.onChange);
    this.tools.destroy();
    renderingEngine().disableElement(this.viewportId);
    this.store.close();
  }

  private readonly onImageSettled = (): void => {
    this.firstImageShown?.();
    this.firstImageShown = null;
  };

  private readonly onChange = (): void => {
    if (this.destroyed) return;
    this.store.publish(
      readViewportState(this.viewport, this.element, {
        cinePlaying: this.cinePlaying,
        cineFps: this.cineFps,
        transferSyntax: this.images.transferSyntax,
        failedImages: this.images.failedImages,
        drawnImageId: this.images.drawnImageId,
      }),
    );
  };
}
