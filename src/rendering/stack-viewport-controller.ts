import {
  Enums,
  EVENTS,
  eventTarget,
  RenderingEngine,
  utilities,
  type StackViewport,
  type Types,
} from '@cornerstonejs/core';
import {
  AngleTool,
  annotation,
  EllipticalROITool,
  Enums as ToolEnums,
  LengthTool,
  PanTool,
  RectangleROITool,
  StackScrollTool,
  ToolGroupManager,
  utilities as toolUtilities,
  WindowLevelTool,
  ZoomTool,
  type Types as ToolTypes,
} from '@cornerstonejs/tools';
import {
  orientationMarkers,
  type OrientationMarkers,
  type PatientVector,
} from '@/domain/imaging/orientation';
import type { ViewerTool } from '@/domain/imaging/viewer-shortcuts';
import { describeLoadError } from './load-error';
import { viewportAwaitsFirstImage } from './load-priority';

export type MeasurementTool = 'length' | 'angle' | 'ellipse' | 'rectangle';

/** A measurement on the shown image, in plain numbers (modality units: HU for CT). */
export interface Measurement {
  uid: string;
  tool: MeasurementTool;
  selected: boolean;
  length?: number;
  lengthUnit?: string;
  angle?: number;
  mean?: number;
  stdDev?: number;
  min?: number;
  max?: number;
  area?: number;
  areaUnit?: string;
  unit?: string;
}

/** What the React layer may know of a viewport: plain values, no Cornerstone types. */
export interface StackViewportState {
  imageIndex: number;
  imageCount: number;
  /** Window centre/width in modality units (HU for CT), when an image is shown. */
  windowCenter: number | null;
  windowWidth: number | null;
  /** 1 = the image fitted to the viewport. */
  zoom: number | null;
  invert: boolean;
  rotation: number;
  flipHorizontal: boolean;
  flipVertical: boolean;
  cinePlaying: boolean;
  cineFps: number;
  /** The transfer syntax the shown frame arrived in (what the server sent). */
  transferSyntax: string | null;
  orientation: OrientationMarkers | null;
  measurements: Measurement[];
  /** Why the image at the current position could not be shown (the server refused it, say). */
  loadError: string | null;
}

const RENDERING_ENGINE_ID = 'imaging-viewer';
const FIRST_IMAGE_WAIT_MS = 10_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
let sharedEngine: RenderingEngine | null = null;
let viewportCounter = 0;

/** One WebGL context serves every viewport on the page. */
function renderingEngine(): RenderingEngine {
  sharedEngine ??= new RenderingEngine(RENDERING_ENGINE_ID);
  return sharedEngine;
}

/**
 * Creates the rendering engine (its WebGL context takes a few hundred milliseconds on software GL)
 * ahead of the first viewport, while the study is still being looked up. Call after init.
 */
export function warmUpRenderingEngine(): void {
  renderingEngine();
}

const TOOL_NAMES: Readonly<Record<ViewerTool, string>> = {
  'window-level': WindowLevelTool.toolName,
  pan: PanTool.toolName,
  zoom: ZoomTool.toolName,
  length: LengthTool.toolName,
  angle: AngleTool.toolName,
  ellipse: EllipticalROITool.toolName,
  rectangle: RectangleROITool.toolName,
};

const MEASUREMENT_TOOLS: Readonly<Record<string, MeasurementTool>> = {
  [LengthTool.toolName]: 'length',
  [AngleTool.toolName]: 'angle',
  [EllipticalROITool.toolName]: 'ellipse',
  [RectangleROITool.toolName]: 'rectangle',
};

const ANNOTATION_EVENTS = [
  ToolEnums.Events.ANNOTATION_COMPLETED,
  ToolEnums.Events.ANNOTATION_MODIFIED,
  ToolEnums.Events.ANNOTATION_REMOVED,
  ToolEnums.Events.ANNOTATION_SELECTION_CHANGE,
];

const ELEMENT_EVENTS = [
  EVENTS.STACK_NEW_IMAGE,
  EVENTS.VOI_MODIFIED,
  EVENTS.IMAGE_RENDERED,
  EVENTS.CAMERA_MODIFIED,
  ToolEnums.Events.ANNOTATION_RENDERED,
];

export const INITIAL_STATE: StackViewportState = {
  imageIndex: 0,
  imageCount: 0,
  windowCenter: null,
  windowWidth: null,
  zoom: null,
  invert: false,
  rotation: 0,
  flipHorizontal: false,
  flipVertical: false,
  cinePlaying: false,
  cineFps: 10,
  transferSyntax: null,
  orientation: null,
  measurements: [],
  loadError: null,
};

/**
 * A Cornerstone stack viewport on one element: mount → setStack → destroy, and every view command
 * the toolbar and keys send. Mouse bindings follow OHIF: left = the chosen tool (W/L by default),
 * middle pan, right zoom, wheel scrolls; touch: one finger the chosen tool, two fingers pinch-zoom.
 */
export class StackViewportController {
  private readonly viewportId: string;
  private readonly toolGroupId: string;
  private readonly listeners = new Set<(state: StackViewportState) => void>();
  private state: StackViewportState = INITIAL_STATE;
  private readonly resizeObserver: ResizeObserver;
  private primaryTool: ViewerTool = 'window-level';
  private cinePlaying = false;
  private cineFps = 10;
  private transferSyntax: string | null = null;
  private destroyed = false;
  private firstImageShown: (() => void) | null = null;
  private markDestroyed: () => void = () => undefined;
  private readonly destroyedPromise = new Promise<void>((resolve) => {
    this.markDestroyed = resolve;
  });

  constructor(private readonly element: HTMLDivElement) {
    viewportCounter += 1;
    this.viewportId = `stack-${viewportCounter}`;
    this.toolGroupId = `stack-tools-${viewportCounter}`;
    element.oncontextmenu = (event) => event.preventDefault();
    renderingEngine().enableElement({
      viewportId: this.viewportId,
      type: Enums.ViewportType.STACK,
      element,
      defaultOptions: { background: [0, 0, 0] as Types.Point3 },
    });
    this.createToolGroup();
    // Before onChange: the state it publishes includes what onNewImage learns.
    element.addEventListener(EVENTS.STACK_NEW_IMAGE, this.onNewImage);
    eventTarget.addEventListener(EVENTS.IMAGE_LOAD_ERROR, this.onLoadError);
    for (const name of ELEMENT_EVENTS) element.addEventListener(name, this.onChange);
    for (const name of ANNOTATION_EVENTS) eventTarget.addEventListener(name, this.onChange);
    this.resizeObserver = new ResizeObserver(() => renderingEngine().resize(true, true));
    this.resizeObserver.observe(element);
  }

  private get viewport(): StackViewport {
    return renderingEngine().getViewport<StackViewport>(this.viewportId);
  }

  private get toolGroup() {
    const group = ToolGroupManager.getToolGroup(this.toolGroupId);
    if (!group) throw new Error('The viewport tools are gone.');
    return group;
  }

  private createToolGroup(): void {
    const group = ToolGroupManager.createToolGroup(this.toolGroupId);
    if (!group) throw new Error('The viewport tools could not be set up.');
    const { MouseBindings } = ToolEnums;
    for (const name of Object.values(TOOL_NAMES)) group.addTool(name);
    group.addTool(StackScrollTool.toolName);
    group.setToolActive(WindowLevelTool.toolName, {
      bindings: [{ mouseButton: MouseBindings.Primary }, { numTouchPoints: 1 }],
    });
    group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    group.setToolActive(ZoomTool.toolName, {
      bindings: [{ mouseButton: MouseBindings.Secondary }, { numTouchPoints: 2 }],
    });
    group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
    // Passive: existing measurements can be selected, moved and deleted whatever the left button does.
    for (const tool of ['length', 'angle', 'ellipse', 'rectangle'] as const)
      group.setToolPassive(TOOL_NAMES[tool]);
    group.addViewport(this.viewportId, RENDERING_ENGINE_ID);
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
    if (this.destroyed || tool === this.primaryTool) return;
    const group = this.toolGroup;
    const primary = [{ mouseButton: ToolEnums.MouseBindings.Primary }, { numTouchPoints: 1 }];
    group.setToolPassive(TOOL_NAMES[this.primaryTool], { removeAllBindings: primary });
    group.setToolActive(TOOL_NAMES[tool], { bindings: primary });
    this.primaryTool = tool;
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

  /** Deletes the selected measurement, else the newest one on the shown image. */
  deleteMeasurement(): void {
    if (this.destroyed) return;
    const selected = new Set(annotation.selection.getAnnotationsSelected() ?? []);
    const onImage = this.annotationsOnImage();
    const target =
      onImage.find((candidate) => selected.has(candidate.annotationUID ?? '')) ?? onImage[onImage.length - 1];
    const uid = target?.annotationUID;
    if (!uid) return;
    annotation.state.removeAnnotation(uid);
    this.viewport.render();
  }

  subscribe(listener: (state: StackViewportState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    if (this.destroyed) return;
    if (this.cinePlaying) toolUtilities.cine.stopClip(this.element);
    this.destroyed = true;
    this.markDestroyed();
    this.resizeObserver.disconnect();
    for (const name of ELEMENT_EVENTS) this.element.removeEventListener(name, this.onChange);
    this.element.removeEventListener(EVENTS.STACK_NEW_IMAGE, this.onNewImage);
    eventTarget.removeEventListener(EVENTS.IMAGE_LOAD_ERROR, this.onLoadError);
    for (const name of ANNOTATION_EVENTS) eventTarget.removeEventListener(name, this.onChange);
    ToolGroupManager.destroyToolGroup(this.toolGroupId);
    renderingEngine().disableElement(this.viewportId);
    this.listeners.clear();
  }

  private annotationsOnImage(): ToolTypes.Annotation[] {
    const imageId = this.viewport.getCurrentImageId();
    if (!imageId) return [];
    return (annotation.state.getAllAnnotations() ?? []).filter(
      (candidate) =>
        candidate.metadata?.referencedImageId === imageId &&
        MEASUREMENT_TOOLS[candidate.metadata.toolName] !== undefined,
    );
  }

  /** Image ids of this stack that failed to load, with a sentence for the clinician. */
  private readonly failedImages = new Map<string, string>();

  private readonly onLoadError = (event: Event): void => {
    if (this.destroyed) return;
    const detail = (event as CustomEvent<{ imageId?: unknown; error?: unknown }>).detail;
    if (typeof detail.imageId !== 'string' || !this.viewport.getImageIds().includes(detail.imageId)) return;
    this.failedImages.set(detail.imageId, describeLoadError(detail.error));
    this.firstImageShown?.();
    this.firstImageShown = null;
    this.onChange();
  };

  private readonly onNewImage = (event: Event): void => {
    const detail = (event as CustomEvent<{ image?: { transferSyntaxUID?: unknown } }>).detail;
    const syntax = detail.image?.transferSyntaxUID;
    this.transferSyntax = typeof syntax === 'string' ? syntax : null;
    this.firstImageShown?.();
    this.firstImageShown = null;
  };

  private readonly onChange = (): void => {
    if (this.destroyed) return;
    const viewport = this.viewport;
    const { voiRange, invert = false } = viewport.getProperties();
    // DICOM's window (PS3.3 C.11.2.1.2): a 40/80 window is the range 0..79, not 0..80.
    const window = voiRange ? utilities.windowLevel.toWindowLevel(voiRange.lower, voiRange.upper) : null;
    const presentation = viewport.getViewPresentation();
    const hasImage = viewport.getImageIds().length > 0 && viewport.getCurrentImageId() !== undefined;
    const next: StackViewportState = {
      imageIndex: viewport.getCurrentImageIdIndex(),
      imageCount: viewport.getImageIds().length,
      windowCenter: window?.windowCenter ?? null,
      windowWidth: window?.windowWidth ?? null,
      zoom: hasImage ? viewport.getZoom() : null,
      invert,
      rotation: presentation.rotation ?? 0,
      flipHorizontal: presentation.flipHorizontal ?? false,
      flipVertical: presentation.flipVertical ?? false,
      cinePlaying: this.cinePlaying,
      cineFps: this.cineFps,
      transferSyntax: this.transferSyntax,
      orientation: hasImage ? this.orientation() : null,
      measurements: this.annotationsOnImage().map(measurementOf),
      loadError:
        this.failedImages.get(viewport.getImageIds()[viewport.getCurrentImageIdIndex()] ?? '') ?? null,
    };
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    for (const listener of this.listeners) listener(next);
  };

  /**
   * Screen right and down in patient space, read through the camera (so rotation and flips count).
   * Without ImageOrientationPatient Cornerstone assumes an axial plane: callers show these only for
   * images that have geometry.
   */
  private orientation(): OrientationMarkers | null {
    const viewport = this.viewport;
    const plane = viewport.getImageData();
    if (!plane) return null;
    const { clientWidth: width, clientHeight: height } = this.element;
    if (width === 0 || height === 0) return null;
    const at = (x: number, y: number) => viewport.canvasToWorld([x, y]);
    const minus = (a: Types.Point3, b: Types.Point3): PatientVector => [
      a[0] - b[0],
      a[1] - b[1],
      a[2] - b[2],
    ];
    const right = minus(at(width, height / 2), at(0, height / 2));
    const down = minus(at(width / 2, height), at(width / 2, 0));
    return orientationMarkers(right, down);
  }
}

function measurementOf(item: ToolTypes.Annotation): Measurement {
  const tool = MEASUREMENT_TOOLS[item.metadata?.toolName ?? ''] ?? 'length';
  const stats =
    Object.values((item.data.cachedStats ?? {}) as Record<string, Record<string, unknown>>)[0] ?? {};
  const number = (key: string): number | undefined => {
    const value = stats[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
  const text = (key: string): string | undefined => {
    const value = stats[key];
    return typeof value === 'string' ? value : undefined;
  };
  const fields: Measurement = {
    uid: item.annotationUID ?? '',
    tool,
    selected: item.isSelected === true,
    length: number('length'),
    lengthUnit: text('unit'),
    angle: number('angle'),
    mean: number('mean'),
    stdDev: number('stdDev'),
    min: number('min'),
    max: number('max'),
    area: number('area'),
    areaUnit: text('areaUnit'),
    unit: text('modalityUnit'),
  };
  // Undefined fields would make otherwise equal states compare unequal after JSON round trips.
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Measurement;
}

/** Forgets every measurement: called when the study closes (they are kept per image until then). */
export function removeAllMeasurements(): void {
  annotation.state.removeAllAnnotations();
}
