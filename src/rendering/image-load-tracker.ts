import { EVENTS, eventTarget, type StackViewport } from '@cornerstonejs/core';
import { describeLoadError } from './load-error';

/** The detail Cornerstone's image events carry (only what is read here). */
interface ImageEventDetail {
  imageId?: unknown;
  error?: unknown;
  image?: { imageId?: unknown; transferSyntaxUID?: unknown };
}

const detailOf = (event: Event) => (event as CustomEvent<ImageEventDetail>).detail;

/**
 * What one stack viewport's images are doing, from Cornerstone's events: which image the canvas holds,
 * which failed and why, the transfer syntax of the one drawn. Cornerstone moves the viewport's index as
 * soon as it is asked (`setImageIdIndex`) and draws the image only when it arrives, dropping it if the
 * index has moved on meanwhile; it never asks again for an image that failed. So here: an image asked
 * for again forgets its failure, and a failed image shown at the current position is drawn as soon as
 * anyone (the prefetch, once the server is back) loads it.
 */
export class ImageLoadTracker {
  /** Image ids that failed to load, with a sentence for the clinician. */
  readonly failedImages = new Map<string, string>();
  drawnImageId: string | null = null;
  transferSyntax: string | null = null;

  constructor(
    private readonly element: HTMLElement,
    private readonly viewport: () => StackViewport,
    /** Something changed that the state shows. */
    private readonly onChange: () => void,
    /** The image asked for was drawn, or failed. */
    private readonly onSettled: () => void,
  ) {
    // Before the controller's own listeners: the state it publishes includes what is learnt here.
    element.addEventListener(EVENTS.PRE_STACK_NEW_IMAGE, this.onAskedFor);
    element.addEventListener(EVENTS.STACK_NEW_IMAGE, this.onDrawn);
    eventTarget.addEventListener(EVENTS.IMAGE_LOAD_ERROR, this.onLoadError);
    eventTarget.addEventListener(EVENTS.IMAGE_LOADED, this.onLoaded);
  }

  /** Asks once more for the image at the current position, if it failed. */
  retryCurrentImage(): void {
    const viewport = this.viewport();
    const imageId = viewport.getCurrentImageId();
    if (!imageId || !this.failedImages.delete(imageId)) return;
    this.onChange();
    // Cornerstone's own display path for one image: drawn if the index is still there when it comes.
    void viewport.loadImages([imageId], viewport);
  }

  destroy(): void {
    this.element.removeEventListener(EVENTS.PRE_STACK_NEW_IMAGE, this.onAskedFor);
    this.element.removeEventListener(EVENTS.STACK_NEW_IMAGE, this.onDrawn);
    eventTarget.removeEventListener(EVENTS.IMAGE_LOAD_ERROR, this.onLoadError);
    eventTarget.removeEventListener(EVENTS.IMAGE_LOADED, this.onLoaded);
  }

  private readonly onAskedFor = (event: Event): void => {
    const { imageId } = detailOf(event);
    // Asked for again: it is loading now, not failed (if it fails again, it says so again).
    if (typeof imageId === 'string') this.failedImages.delete(imageId);
    this.onChange();
  };

  private readonly onDrawn = (event: Event): void => {
    const { imageId, image } = detailOf(event);
    if (typeof imageId === 'string') {
      this.drawnImageId = imageId;
      this.failedImages.delete(imageId);
    }
    const syntax = image?.transferSyntaxUID;
    this.transferSyntax = typeof syntax === 'string' ? syntax : null;
    this.onSettled();
  };

  private readonly onLoadError = (event: Event): void => {
    const { imageId, error } = detailOf(event);
    if (typeof imageId !== 'string' || !this.viewport().getImageIds().includes(imageId)) return;
    this.failedImages.set(imageId, describeLoadError(error));
    this.onSettled();
    this.onChange();
  };

  private readonly onLoaded = (event: Event): void => {
    const imageId = detailOf(event).image?.imageId;
    const viewport = this.viewport();
    if (typeof imageId !== 'string' || imageId !== viewport.getCurrentImageId()) return;
    if (this.failedImages.has(imageId)) this.retryCurrentImage();
  };
}
