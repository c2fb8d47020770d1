import { metaData, type StackViewport } from '@cornerstonejs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readViewportState } from './viewport-state';

const photometric: Record<string, string> = { 'test:mono1': 'MONOCHROME1', 'test:mono2': 'MONOCHROME2' };
const provider = (type: string, imageId: unknown) =>
  type === 'imagePixelModule' && typeof imageId === 'string' && imageId in photometric
    ? { photometricInterpretation: photometric[imageId] }
    : undefined;

/** Just what readViewportState reads of a stack viewport showing one image. */
function viewportShowing(imageId: string, invert: boolean, drawn: unknown = { imageId }): StackViewport {
  const fake = {
    getCornerstoneImage: () => drawn,
    getProperties: () => ({ invert, voiRange: { lower: 0, upper: 100 } }),
    getViewPresentation: () => ({}),
    getImageIds: () => [imageId],
    getCurrentImageId: () => imageId,
    getCurrentImageIdIndex: () => 0,
    getZoom: () => 1,
    getImageData: () => null,
  };
  return fake as unknown as StackViewport;
}

const facts = (drawnImageId: string | null, failedImages = new Map<string, string>()) => ({
  cinePlaying: false,
  cineFps: 10,
  transferSyntax: null,
  failedImages,
  drawnImageId,
});

const read = (imageId: string, invert: boolean) =>
  readViewportState(viewportShowing(imageId, invert), {} as HTMLElement, facts(imageId));

describe('viewport state: inverted means the user inverted', () => {
  beforeAll(() => metaData.addProvider(provider, 10_000));
  afterAll(() => metaData.removeProvider(provider));

  it('MONOCHROME1 drawn with its own polarity (Cornerstone invert on) is not inverted', () => {
    expect(read('test:mono1', true).invert).toBe(false);
    expect(read('test:mono1', false).invert).toBe(true);
  });

  it('MONOCHROME2 is inverted exactly when Cornerstone inverts it', () => {
    expect(read('test:mono2', false).invert).toBe(false);
    expect(read('test:mono2', true).invert).toBe(true);
  });
});

describe('viewport state: an image on its way is said to be so', () => {
  it('is pending while the canvas still holds another image, or none', () => {
    expect(
      readViewportState(viewportShowing('test:b', false), {} as HTMLElement, facts('test:a')),
    ).toMatchObject({ imagePending: true, loadError: null });
    expect(readViewportState(viewportShowing('test:b', false), {} as HTMLElement, facts(null))).toMatchObject(
      { imagePending: true },
    );
  });

  it('is not pending once drawn', () => {
    expect(
      readViewportState(viewportShowing('test:b', false), {} as HTMLElement, facts('test:b')),
    ).toMatchObject({ imagePending: false, loadError: null });
  });

  it('says why instead when the image failed', () => {
    const failed = new Map([['test:b', 'The image server at http://pacs could not be reached.']]);
    expect(
      readViewportState(viewportShowing('test:b', false), {} as HTMLElement, facts('test:a', failed)),
    ).toMatchObject({
      imagePending: false,
      loadError: 'The image server at http://pacs could not be reached.',
    });
  });
});

describe('viewport state: the PACS rendering is told apart', () => {
  const state = (drawn: unknown) =>
    readViewportState(viewportShowing('test:r', false, drawn), {} as HTMLElement, facts('test:r'));
  it('is flagged when the current image is a rendering, and only then', () => {
    expect(state({ imageId: 'test:r', renderedByPacs: true }).renderedByPacs).toBe(true);
    expect(state({ imageId: 'test:r' }).renderedByPacs).toBe(false);
    // The previous image's rendering still on the canvas does not flag the one being loaded.
    expect(state({ imageId: 'test:other', renderedByPacs: true }).renderedByPacs).toBe(false);
  });
});
