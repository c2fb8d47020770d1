import { getRenderingEngine, metaData, type StackViewport, type Types } from '@cornerstonejs/core';
import { synchronizers, SynchronizerManager, type Synchronizer } from '@cornerstonejs/tools';
import {
  alignmentOf,
  nearestSliceIndex,
  relativeSliceIndex,
  sliceSyncModeOf,
  type SlicePlane,
  type SliceSyncMode,
} from '@/domain/imaging/slice-sync';
import { LinkedMoves } from './linked-moves';
import { RENDERING_ENGINE_ID, renderingEngine } from './rendering-engine';

export type { SliceSyncMode } from '@/domain/imaging/slice-sync';

let linkCounter = 0;

type Point = [number, number, number];

/**
 * Two stack viewports shown side by side, kept on corresponding slices (and optionally one window).
 * Slices: on Cornerstone's Synchronizer, the other side goes to its slice nearest the shown one's
 * position (shifted by the user's alignment when the frames of reference differ), or to the same
 * relative place without geometry. Ours rather than Cornerstone's image-slice callback, which jumps
 * by a step counted from the slice shown but applied to the one still loading, so a side whose slice
 * had not arrived landed off by the difference. Window: Cornerstone's VOI synchronizer.
 */
export class ViewportLink {
  readonly mode: SliceSyncMode;
  private readonly slices: Synchronizer;
  private readonly voi: Synchronizer;
  /** The moves the link made itself: the images they show are not synced back. */
  private readonly moves = new LinkedMoves();
  /** The second side's slice position minus the first's, at the slices aligned by the user. */
  private shift: Point = [0, 0, 0];

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
    SynchronizerManager.destroySynchronizer(this.slices.id);
    SynchronizerManager.destroySynchronizer(this.voi.id);
  }

  /** Two frames of reference: the slices on screen now are declared the same place. */
  private alignFrames(): void {
    if (this.mode !== 'aligned-position') return;
    const from = planeOf(this.first);
    const to = planeOf(this.second);
    if (from && to) this.shift = alignmentOf(from, to);
  }

  private readonly onNewImage = (
    _synchronizer: Synchronizer,
    source: Types.IViewportId,
    target: Types.IViewportId,
  ): void => {
    const sourceViewport = viewportOf(source.viewportId);
    const targetViewport = viewportOf(target.viewportId);
    if (!sourceViewport || !targetViewport) return;
    // Judged by where the source is heading, not the image it shows: a slice that loads late would
    // otherwise pull the other side (which the user is scrolling) back a step or two.
    if (!this.moves.isUsersMove(source.viewportId, sourceViewport.getTargetImageIdIndex())) return;
    const next = this.correspondingIndex(sourceViewport, targetViewport, source.viewportId === this.first);
    const heading = targetViewport.getTargetImageIdIndex();
    if (next < 0 || next === heading) return;
    // A step from where the side is heading, which is what Cornerstone's scroll counts from; a slice
    // not loaded yet is asked for after a short pause, so fast scrolling skips the ones in between.
    targetViewport.scroll(next - heading);
    this.moves.sentTo(target.viewportId, next);
  };

  /** The target's slice that corresponds to the one the source shows (-1: none known yet). */
  private correspondingIndex(source: StackViewport, target: StackViewport, fromFirst: boolean): number {
    const targetIds = target.getImageIds();
    if (this.mode === 'relative') {
      return relativeSliceIndex(
        source.getCurrentImageIdIndex(),
        source.getImageIds().length,
        targetIds.length,
      );
    }
    const at = positionOf(source.getCurrentImageId());
    if (!at) return -1;
    const sign = fromFirst ? 1 : -1;
    const point: Point = [
      at[0] + sign * this.shift[0],
      at[1] + sign * this.shift[1],
      at[2] + sign * this.shift[2],
    ];
    return nearestSliceIndex(point, targetIds.map(positionOf));
  }
}

function viewportOf(viewportId: string): StackViewport | null {
  const engine = getRenderingEngine(RENDERING_ENGINE_ID) ?? renderingEngine();
  const viewport = engine.getViewport(viewportId);
  return viewport && 'getImageIds' in viewport ? (viewport as StackViewport) : null;
}

/** The geometry of the slice on screen, as the image's metadata gives it (no invented defaults). */
function planeOf(viewportId: string): SlicePlane | null {
  const imageId = viewportOf(viewportId)?.getCurrentImageId();
  const plane = imageId ? planeModuleOf(imageId) : null;
  const position = plane?.imagePositionPatient;
  const orientation = plane?.imageOrientationPatient;
  if (!plane || !position || !orientation) return null;
  return {
    position: [position[0], position[1], position[2]],
    orientation: Array.from(orientation),
    frameOfReferenceUid: plane.frameOfReferenceUID || null,
  };
}

/** An image's position (mm), when its metadata has a real one. */
function positionOf(imageId: string | undefined): Point | null {
  const position = imageId ? planeModuleOf(imageId)?.imagePositionPatient : undefined;
  return position ? [position[0], position[1], position[2]] : null;
}

function planeModuleOf(imageId: string): Types.ImagePlaneModule | null {
  const plane = metaData.get('imagePlaneModule', imageId) as Types.ImagePlaneModule | undefined;
  return plane && !plane.usingDefaultValues ? plane : null;
}
