import {
  Enums,
  EVENTS,
  RenderingEngine,
  utilities,
  type StackViewport,
  type Types,
} from '@cornerstonejs/core';
import {
  Enums as ToolEnums,
  PanTool,
  StackScrollTool,
  ToolGroupManager,
  WindowLevelTool,
  ZoomTool,
} from '@cornerstonejs/tools';

/** What the React layer may know of a viewport: plain numbers, no Cornerstone types. */
export interface StackViewportState {
  imageIndex: number;
  imageCount: number;
  /** Window centre/width in modality units (HU for CT), when an image is shown. */
  windowCenter: number | null;
  windowWidth: number | null;
}

const RENDERING_ENGINE_ID = 'imaging-viewer';
let sharedEngine: RenderingEngine | null = null;
let viewportCounter = 0;

/** One WebGL context serves every viewport on the page. */
function renderingEngine(): RenderingEngine {
  sharedEngine ??= new RenderingEngine(RENDERING_ENGINE_ID);
  return sharedEngine;
}

/**
 * A Cornerstone stack viewport on one element: mount → setStack → destroy. Mouse bindings follow OHIF
 * and most PACS: left W/L, middle pan, right zoom, wheel scrolls the stack.
 */
export class StackViewportController {
  private readonly viewportId: string;
  private readonly toolGroupId: string;
  private readonly listeners = new Set<(state: StackViewportState) => void>();
  private state: StackViewportState = { imageIndex: 0, imageCount: 0, windowCenter: null, windowWidth: null };
  private readonly resizeObserver: ResizeObserver;
  private destroyed = false;

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
    element.addEventListener(EVENTS.STACK_NEW_IMAGE, this.onChange);
    element.addEventListener(EVENTS.VOI_MODIFIED, this.onChange);
    element.addEventListener(EVENTS.IMAGE_RENDERED, this.onChange);
    this.resizeObserver = new ResizeObserver(() => renderingEngine().resize(true, true));
    this.resizeObserver.observe(element);
  }

  private get viewport(): StackViewport {
    return renderingEngine().getViewport<StackViewport>(this.viewportId);
  }

  private createToolGroup(): void {
    const group = ToolGroupManager.createToolGroup(this.toolGroupId);
    if (!group) throw new Error('The viewport tools could not be set up.');
    const { MouseBindings } = ToolEnums;
    for (const tool of [WindowLevelTool, PanTool, ZoomTool, StackScrollTool]) group.addTool(tool.toolName);
    group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
    group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
    group.addViewport(this.viewportId, RENDERING_ENGINE_ID);
  }

  async setStack(imageIds: readonly string[], initialIndex = 0): Promise<void> {
    if (this.destroyed) return;
    const index = Math.min(Math.max(0, initialIndex), Math.max(0, imageIds.length - 1));
    await this.viewport.setStack([...imageIds], index);
    if (this.destroyed) return;
    this.viewport.render();
    this.onChange();
  }

  async showImage(index: number): Promise<void> {
    if (this.destroyed) return;
    await this.viewport.setImageIdIndex(index);
  }

  scroll(delta: number): void {
    if (!this.destroyed) this.viewport.scroll(delta);
  }

  subscribe(listener: (state: StackViewportState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.resizeObserver.disconnect();
    this.element.removeEventListener(EVENTS.STACK_NEW_IMAGE, this.onChange);
    this.element.removeEventListener(EVENTS.VOI_MODIFIED, this.onChange);
    this.element.removeEventListener(EVENTS.IMAGE_RENDERED, this.onChange);
    ToolGroupManager.destroyToolGroup(this.toolGroupId);
    renderingEngine().disableElement(this.viewportId);
    this.listeners.clear();
  }

  private readonly onChange = (): void => {
    if (this.destroyed) return;
    const viewport = this.viewport;
    const { voiRange } = viewport.getProperties();
    // DICOM's window (PS3.3 C.11.2.1.2): a 40/80 window is the range 0..79, not 0..80.
    const window = voiRange ? utilities.windowLevel.toWindowLevel(voiRange.lower, voiRange.upper) : null;
    const next: StackViewportState = {
      imageIndex: viewport.getCurrentImageIdIndex(),
      imageCount: viewport.getImageIds().length,
      windowCenter: window?.windowCenter ?? null,
      windowWidth: window?.windowWidth ?? null,
    };
    if (sameState(next, this.state)) return;
    this.state = next;
    for (const listener of this.listeners) listener(next);
  };
}

function sameState(a: StackViewportState, b: StackViewportState): boolean {
  return (
    a.imageIndex === b.imageIndex &&
    a.imageCount === b.imageCount &&
    a.windowCenter === b.windowCenter &&
    a.windowWidth === b.windowWidth
  );
}
