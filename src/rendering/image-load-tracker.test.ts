import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Cornerstone's global event target and event names: only what the tracker listens to. */
const core = vi.hoisted(() => ({ eventTarget: new EventTarget() }));
vi.mock('@cornerstonejs/core', () => ({
  EVENTS: {
    PRE_STACK_NEW_IMAGE: 'pre-new-image',
    STACK_NEW_IMAGE: 'new-image',
    IMAGE_LOAD_ERROR: 'load-error',
    IMAGE_LOADED: 'loaded',
  },
  eventTarget: core.eventTarget,
}));

const { ImageLoadTracker } = await import('./image-load-tracker');

const ids = ['wadors:a', 'wadors:b', 'wadors:c'];
const fire = (target: EventTarget, type: string, detail: unknown) =>
  target.dispatchEvent(new CustomEvent(type, { detail }));

/** A stack viewport at a position, whose `loadImages` records what it was asked to draw. */
function setUp() {
  const element = new EventTarget() as HTMLElement;
  const drawn: string[][] = [];
  const viewport = {
    index: 0,
    getImageIds: () => ids,
    getCurrentImageId: () => ids[viewport.index],
    loadImages: (imageIds: string[]) => {
      drawn.push(imageIds);
      return Promise.resolve();
    },
  };
  const changes = vi.fn();
  const settled = vi.fn();
  const tracker = new ImageLoadTracker(element, () => viewport as never, changes, settled);
  return { element, viewport, tracker, drawn, changes, settled };
}

describe('ImageLoadTracker', () => {
  beforeEach(() => vi.clearAllMocks());

  it('remembers why an image of its stack failed, and ignores other stacks', () => {
    const { tracker, settled } = setUp();
    fire(core.eventTarget, 'load-error', { imageId: 'wadors:b', error: new Error('decoder') });
    fire(core.eventTarget, 'load-error', { imageId: 'wadors:elsewhere', error: new Error('x') });
    expect([...tracker.failedImages.keys()]).toEqual(['wadors:b']);
    expect(settled).toHaveBeenCalledTimes(1);
    tracker.destroy();
  });

  it('forgets a failure when the image is asked for again, and when it is drawn', () => {
    const { element, tracker } = setUp();
    fire(core.eventTarget, 'load-error', { imageId: 'wadors:b', error: null });
    fire(element, 'pre-new-image', { imageId: 'wadors:b' });
    expect(tracker.failedImages.size).toBe(0);
    fire(core.eventTarget, 'load-error', { imageId: 'wadors:b', error: null });
    fire(element, 'new-image', { imageId: 'wadors:b', image: { transferSyntaxUID: '1.2.840.10008.1.2.1' } });
    expect(tracker.failedImages.size).toBe(0);
    expect(tracker.drawnImageId).toBe('wadors:b');
    expect(tracker.transferSyntax).toBe('1.2.840.10008.1.2.1');
    tracker.destroy();
  });

  it('draws the failed image at the current position as soon as anyone loads it, and no other', () => {
    const { viewport, tracker, drawn } = setUp();
    viewport.index = 1;
    fire(core.eventTarget, 'load-error', { imageId: 'wadors:b', error: null });
    fire(core.eventTarget, 'loaded', { image: { imageId: 'wadors:c' } });
    expect(drawn).toEqual([]);
    fire(core.eventTarget, 'loaded', { image: { imageId: 'wadors:b' } });
    expect(drawn).toEqual([['wadors:b']]);
    expect(tracker.failedImages.size).toBe(0);
    // Loaded again (the redraw itself reports it): no second draw.
    fire(core.eventTarget, 'loaded', { image: { imageId: 'wadors:b' } });
    expect(drawn).toHaveLength(1);
    tracker.destroy();
  });

  it('retries the current image only if it failed', () => {
    const { viewport, tracker, drawn, changes } = setUp();
    tracker.retryCurrentImage();
    expect(drawn).toEqual([]);
    viewport.index = 2;
    fire(core.eventTarget, 'load-error', { imageId: 'wadors:c', error: null });
    changes.mockClear();
    tracker.retryCurrentImage();
    expect(drawn).toEqual([['wadors:c']]);
    expect(changes).toHaveBeenCalled();
    tracker.destroy();
  });

  it('hears nothing once destroyed', () => {
    const { tracker } = setUp();
    tracker.destroy();
    fire(core.eventTarget, 'load-error', { imageId: 'wadors:a', error: null });
    expect(tracker.failedImages.size).toBe(0);
  });
});
