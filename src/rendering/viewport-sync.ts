import { getRenderingEngine, metaData, utilities, type StackViewport, type Types } from '@cornerstonejs/core';
import { synchronizers, SynchronizerManager, type Synchronizer } from '@cornerstonejs/tools';
import { mat4 } from 'gl-matrix';
import {
  alignmentOf,
  relativeSliceIndex,
  sliceSyncModeOf,
  type SlicePlane,
  type SliceSyncMode,
} from '@/domain/imaging/slice-sync';
import { RENDERING_ENGINE_ID, renderingEngine } from './rendering-engine';

export type { SliceSyncMode } from '@/domain/imaging/slice-sync';

let linkCounter = 0;

/**
 * Two stack viewports shown side by side, kept on corresponding slices (and optionally one window)
 * by Cornerstone's synchronizers: its image-slice synchronizer, which finds the target's slice
 * closest to the source's position (through a spatial registration when the frames of reference
 * differ), and its VOI synchronizer. Cornerstone has no relative-position sync for stacks without
 * geometry: that one callback is ours, on Cornerstone's Synchronizer.
 */
export class ViewportLink {
  readonly mode: SliceSyncMode;
  private readonly slices: Synchronizer;
  private readonly voi: Synchronizer;
  /** Per viewport, the index a sync moved it to: the event that move fires is not synced back. */
  private readonly movedBySync = new Map<string, number>();
  private destroyed = false;

  constructor(
    private readonly first: string,
    private readonly second: string,
  ) {
    linkCounter += 1;
    this.mode = sliceSyncModeOf(planeOf(first), planeOf(second));
    this.alignFrames();
    this.slices = SynchronizerManager.createSynchronizer(
      `compare-slices-${linkCounter}`,
      'CORNERSTONE_STACK_NEW_IMAGE',
      this.onNewImage,
    );
    this.voi = synchronizers.createVOISynchronizer(`compare-voi-${linkCounter}`, {
      syncInvertState: false,
      syncColormap: false,
    });
    for (const viewportId of [first, second]) {
      const ref: Types.IViewportId = { renderingEngineId: RENDERING_ENGINE_ID, viewportId };
      this.slices.add(ref);
      this.voi.add(ref);
    }
    this.voi.setEnabled(false);
  }

  /**
   * Turns slice sync on or off. Turning it on aligns two frames of reference anew at the slices now
   * on screen: the way to re-align is to turn sync off, scroll one side, and turn it on again.
   */
  setSlicesSynced(on: boolean): void {
    if (on && !this.slices.isDisabled()) return;
    if (on) this.alignFrames();
    this.slices.setEnabled(on);
  }

  setWindowSynced(on: boolean): void {
    this.voi.setEnabled(on);
  }

  destroy(): void {
    this.destroyed = true;
    SynchronizerManager.destroySynchronizer(this.slices.id);
    SynchronizerManager.destroySynchronizer(this.voi.id);
  }

  /** Two frames of reference: the slices on screen now are declared the same place. */
  private alignFrames(): void {
    if (this.mode !== 'aligned-position') return;
    const from = planeOf(this.first);
    const to = planeOf(this.second);
    if (!from || !to) return;
    const shift = mat4.fromTranslation(mat4.create(), alignmentOf(from, to));
    // Cornerstone reads it as registration(target, source) and inverts it for the other direction.
    utilities.spatialRegistrationMetadataProvider.add([this.second, this.first], shift);
  }

  private readonly onNewImage = async (
    synchronizer: Synchronizer,
    source: Types.IViewportId,
    target: Types.IViewportId,
  ): Promise<void> => {
    const sourceViewport = viewportOf(source.viewportId);
    const targetViewport = viewportOf(target.viewportId);
    if (!sourceViewport || !targetViewport) return;
    const index = sourceViewport.getCurrentImageIdIndex();
    const ours = this.movedBySync.get(source.viewportId) === index;
    this.movedBySync.delete(source.viewportId);
    if (ours) return;
    // The synchronizer ignores events while this runs (a slow image on the other side): a source that
    // moved on meanwhile is followed again here, so the last position is never dropped.
    for (let synced = -1; !this.destroyed && synced !== sourceViewport.getCurrentImageIdIndex();) {
      synced = sourceViewport.getCurrentImageIdIndex();
      const before = targetViewport.getCurrentImageIdIndex();
      if (this.mode === 'relative') {
        const next = relativeSliceIndex(
          synced,
          sourceViewport.getImageIds().length,
          targetViewport.getImageIds().length,
        );
        if (next !== before) await utilities.jumpToSlice(targetViewport.element, { imageIndex: next });
      } else {
        await synchronizers.imageSliceSyncCallback(synchronizer, source, target);
      }
      const after = targetViewport.getCurrentImageIdIndex();
      if (after !== before) this.movedBySync.set(target.viewportId, after);
    }
  };
}

function viewportOf(viewportId: string): StackViewport | null {
  const engine = getRenderingEngine(RENDERING_ENGINE_ID) ?? renderingEngine();
  const viewport = engine.getViewport(viewportId);
  return viewport && 'getImageIds' in viewport ? (viewport as StackViewport) : null;
}

/** The geometry of the slice on screen, as the image's metadata gives it (no invented defaults). */
function planeOf(viewportId: string): SlicePlane | null {
  const viewport = viewportOf(viewportId);
  const imageId = viewport?.getCurrentImageId();
  if (!viewport || !imageId) return null;
  const plane = metaData.get('imagePlaneModule', imageId) as Types.ImagePlaneModule | undefined;
  const position = plane?.imagePositionPatient;
  const orientation = plane?.imageOrientationPatient;
  if (!plane || plane.usingDefaultValues || !position || !orientation) return null;
  return {
    position: [position[0], position[1], position[2]],
    orientation: Array.from(orientation),
    frameOfReferenceUid: plane.frameOfReferenceUID || null,
  };
}
