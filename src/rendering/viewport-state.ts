import { metaData, utilities, type StackViewport, type Types } from '@cornerstonejs/core';
import {
  orientationMarkers,
  type OrientationMarkers,
  type PatientVector,
} from '@/domain/imaging/orientation';
import type { DicomPatient } from '@/domain/imaging/patient-match';
import { drawnHeaderFacts } from './drawn-header';
import type { Measurement } from './measurement';
import { measurementsOnImage } from './viewport-measurements';
import { isRenderedByPacs } from './rendered-fallback';

/** What the React layer may know of a viewport: plain values, no Cornerstone types. */
export interface StackViewportState {
  imageIndex: number;
  imageCount: number;
  /** Window centre/width in modality units (HU for CT), when an image is shown. */
  windowCenter: number | null;
  windowWidth: number | null;
  /** 1 = the image fitted to the viewport. */
  zoom: number | null;
  /** The user inverted the image: its display is the opposite of what its photometric interpretation says. */
  invert: boolean;
  rotation: number;
  flipHorizontal: boolean;
  flipVertical: boolean;
  cinePlaying: boolean;
  cineFps: number;
  /** The transfer syntax the shown frame arrived in (what the server sent). */
  transferSyntax: string | null;
  /** The shown image is the PACS's rendering (rendered-fallback.ts), not decoded DICOM: not diagnostic. */
  renderedByPacs: boolean;
  orientation: OrientationMarkers | null;
  measurements: Measurement[];
  /** Why the image at the current position could not be shown (the server refused it, say). */
  loadError: string | null;
  /**
   * The image at the current position is on its way: what the canvas still holds is another image
   * (Cornerstone moves the index at once and draws the new image only when its pixels arrive).
   */
  imagePending: boolean;
  /**
   * The patient the drawn image's own header names (PatientID, PatientName), as Cornerstone read it
   * with the pixels: for images whose metadata came from nowhere else (WADO-URI, whole files). Null
   * before an image is drawn, and for a header that names nobody.
   */
  drawnPatient: DicomPatient | null;
  /** NumberOfFrames in the drawn image's own header (1 when it has none); null before an image is drawn. */
  drawnFrameCount: number | null;
}

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
  renderedByPacs: false,
  orientation: null,
  measurements: [],
  loadError: null,
  imagePending: false,
  drawnPatient: null,
  drawnFrameCount: null,
};

/** What the controller knows that the viewport does not tell. */
export interface ControllerFacts {
  cinePlaying: boolean;
  cineFps: number;
  transferSyntax: string | null;
  /** Image ids that failed to load, with the sentence for each. */
  failedImages: ReadonlyMap<string, string>;
  /** The image whose pixels the canvas holds (the last one Cornerstone drew), null before the first. */
  drawnImageId: string | null;
}

export function readViewportState(
  viewport: StackViewport,
  element: HTMLElement,
  facts: ControllerFacts,
): StackViewportState {
  const { voiRange, invert: drawnInverted = false } = viewport.getProperties();
  // DICOM's window (PS3.3 C.11.2.1.2): a 40/80 window is the range 0..79, not 0..80.
  const window = voiRange ? utilities.windowLevel.toWindowLevel(voiRange.lower, voiRange.upper) : null;
  const presentation = viewport.getViewPresentation();
  const imageIds = viewport.getImageIds();
  const currentImageId = viewport.getCurrentImageId();
  const hasImage = imageIds.length > 0 && currentImageId !== undefined;
  const loadError = facts.failedImages.get(currentImageId ?? '') ?? null;
  return {
    imageIndex: viewport.getCurrentImageIdIndex(),
    imageCount: imageIds.length,
    windowCenter: window?.windowCenter ?? null,
    windowWidth: window?.windowWidth ?? null,
    zoom: hasImage ? viewport.getZoom() : null,
    invert: drawnInverted !== isMonochrome1(currentImageId),
    rotation: presentation.rotation ?? 0,
    flipHorizontal: presentation.flipHorizontal ?? false,
    flipVertical: presentation.flipVertical ?? false,
    cinePlaying: facts.cinePlaying,
    cineFps: facts.cineFps,
    // Only the drawn image's: a pending or failed position has none to show (nor a LOSSY mark).
    transferSyntax: hasImage && currentImageId === facts.drawnImageId ? facts.transferSyntax : null,
    renderedByPacs: hasImage && isRenderedImageOn(viewport, currentImageId),
    orientation: hasImage ? orientationOf(viewport, element) : null,
    measurements: measurementsOnImage(currentImageId),
    loadError,
    imagePending: hasImage && loadError === null && currentImageId !== facts.drawnImageId,
    ...drawnHeaderFacts(hasImage && currentImageId === facts.drawnImageId ? currentImageId : null),
  };
}

/** Whether the image drawn is the current one and the PACS's rendering of it. */
function isRenderedImageOn(viewport: StackViewport, imageId: string): boolean {
  const image = viewport.getCornerstoneImage() as Types.IImage | undefined;
  return image?.imageId === imageId && isRenderedByPacs(image);
}

/**
 * Cornerstone draws MONOCHROME1 with its `invert` property on (high values dark, as the DICOM says):
 * that is the image's own polarity, not an inversion the user asked for.
 */
function isMonochrome1(imageId: string | undefined): boolean {
  if (!imageId) return false;
  const pixel = metaData.get('imagePixelModule', imageId) as
    { photometricInterpretation?: unknown } | undefined;
  return pixel?.photometricInterpretation === 'MONOCHROME1';
}

/** States are plain JSON values; equal ones keep the old snapshot so React does not re-render. */
export function sameViewportState(a: StackViewportState, b: StackViewportState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Screen right and down in patient space, read through the camera (so rotation and flips count).
 * Without ImageOrientationPatient Cornerstone assumes an axial plane: callers show these only for
 * images that have geometry.
 */
function orientationOf(viewport: StackViewport, element: HTMLElement): OrientationMarkers | null {
  const plane = viewport.getImageData();
  if (!plane) return null;
  const { clientWidth: width, clientHeight: height } = element;
  if (width === 0 || height === 0) return null;
  const at = (x: number, y: number) => viewport.canvasToWorld([x, y]);
  const minus = (a: Types.Point3, b: Types.Point3): PatientVector => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  const right = minus(at(width, height / 2), at(0, height / 2));
  const down = minus(at(width / 2, height), at(width / 2, 0));
  return orientationMarkers(right, down);
}
