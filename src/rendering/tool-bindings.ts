import {
  AngleTool,
  EllipticalROITool,
  Enums as ToolEnums,
  LengthTool,
  PanTool,
  RectangleROITool,
  StackScrollTool,
  ToolGroupManager,
  WindowLevelTool,
  ZoomTool,
} from '@cornerstonejs/tools';
import type { ViewerTool } from '@/domain/imaging/viewer-shortcuts';
import { MEASUREMENT_TOOLS } from './measurement';

/** Cornerstone's name for each tool the toolbar offers. */
export const TOOL_NAMES: Readonly<Record<ViewerTool, string>> = {
  'window-level': WindowLevelTool.toolName,
  pan: PanTool.toolName,
  zoom: ZoomTool.toolName,
  length: LengthTool.toolName,
  angle: AngleTool.toolName,
  ellipse: EllipticalROITool.toolName,
  rectangle: RectangleROITool.toolName,
};

const { MouseBindings } = ToolEnums;
// Fresh objects per call: Cornerstone keeps the binding objects it is given.
const primaryBindings = () => [{ mouseButton: MouseBindings.Primary }, { numTouchPoints: 1 }];

/**
 * One viewport's tool group, bound as OHIF binds them: left button and one finger the chosen tool
 * (W/L by default), middle pan, right and pinch zoom, wheel scrolls.
 */
export class ViewportToolBindings {
  private primaryTool: ViewerTool = 'window-level';

  constructor(
    private readonly toolGroupId: string,
    viewportId: string,
    renderingEngineId: string,
  ) {
    const group = ToolGroupManager.createToolGroup(toolGroupId);
    if (!group) throw new Error('The viewport tools could not be set up.');
    for (const name of Object.values(TOOL_NAMES)) group.addTool(name);
    group.addTool(StackScrollTool.toolName);
    group.setToolActive(TOOL_NAMES[this.primaryTool], { bindings: primaryBindings() });
    group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    group.setToolActive(ZoomTool.toolName, {
      bindings: [{ mouseButton: MouseBindings.Secondary }, { numTouchPoints: 2 }],
    });
    group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
    // Passive: existing measurements can be selected, moved and deleted whatever the left button does.
    for (const tool of MEASUREMENT_TOOLS) group.setToolPassive(TOOL_NAMES[tool]);
    group.addViewport(viewportId, renderingEngineId);
  }

  /** Which tool the left button (and one finger) drives. */
  setPrimaryTool(tool: ViewerTool): void {
    if (tool === this.primaryTool) return;
    const group = ToolGroupManager.getToolGroup(this.toolGroupId);
    if (!group) throw new Error('The viewport tools are gone.');
    const primary = primaryBindings();
    group.setToolPassive(TOOL_NAMES[this.primaryTool], { removeAllBindings: primary });
    group.setToolActive(TOOL_NAMES[tool], { bindings: primary });
    this.primaryTool = tool;
  }

  destroy(): void {
    ToolGroupManager.destroyToolGroup(this.toolGroupId);
  }
}
