import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import type { ImageSource } from '@/domain/imaging/image-source';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { loadFailureAsError } from './load-error';
import { viewportAwaitsFirstImage } from './load-priority';
import { loadedRendering, loadRendering } from './load-rendering';
import type { StackViewportController } from './stack-viewport-controller';

export type { Measurement } from './measurement';
export type { StackViewportController } from './stack-viewport-controller';
export type { StackViewportState } from './viewport-state';

/** Measurements live as long as the study is open (there are none if Cornerstone never loaded). */
export function removeAllMeasurements(): void {
  loadedRendering()?.removeAllMeasurements();
}

export interface StackInput {
  /** Names the series for prefetch progress (the same key `useSeriesProgress` reads). */
  key: SeriesKey;
  images: readonly ImageSource[];
  initialIndex?: number;
}

/**
 * Owns one viewport's lifecycle: initialise Cornerstone (once per page), mount on the element, show
 * the stack, prefetch the rest of it, tear down on unmount. StrictMode's double effects are harmless:
 * each mount is destroyed.
 */
export function useStackViewport(stack: StackInput | null, authorizationFor: AuthorizationProvider) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [controller, setController] = useState<StackViewportController | null>(null);
  // Failures are remembered with the stack they belong to, so showing a new stack clears them.
  const [failure, setFailure] = useState<{ stack: StackInput | null; error: Error } | null>(null);
  // The stack whose first image has been drawn (or has failed): until then the viewport says it waits.
  const [shown, setShown] = useState<StackInput | null>(null);

  useEffect(() => {
    if (!element) return;
    let mounted: StackViewportController | null = null;
    let cancelled = false;
    loadRendering()
      .then(async (rendering) => {
        await rendering.initRendering(authorizationFor);
        if (cancelled) return;
        mounted = new rendering.StackViewportController(element);
        setController(mounted);
      })
      .catch((cause: unknown) => setFailure({ stack: null, error: loadFailureAsError(cause) }));
    return () => {
      cancelled = true;
      mounted?.destroy();
      setController(null);
    };
  }, [element, authorizationFor]);

  // Null until a controller is mounted (and again once it is destroyed).
  const state = useSyncExternalStore(
    controller?.subscribe ?? subscribeToNothing,
    controller?.getSnapshot ?? noSnapshot,
  );

  useEffect(() => {
    // A controller exists only once the rendering module is loaded.
    const rendering = loadedRendering();
    if (!controller || !stack || !rendering) return;
    const imageIds = stack.images.map((image) => image.imageId);
    let release: (() => void) | null = null;
    let cancelled = false;
    rendering
      .registerDicomWebMetadata(stack.images, authorizationFor)
      .then(() => {
        if (cancelled) return undefined;
        const shown = controller.setStack(imageIds, stack.initialIndex ?? 0);
        // Beside the first image, not after it: the viewport has asked for its image already (and
        // the prefetch leaves that one to it), so the rest of the series uses the time the first
        // image spends decoding and drawing.
        release = rendering.prefetchSeries(stack.key, imageIds, stack.initialIndex ?? 0);
        return shown;
      })
      .then(() => {
        if (!cancelled) setShown(stack);
      })
      .catch((cause: unknown) => setFailure({ stack, error: loadFailureAsError(cause) }));
    return () => {
      cancelled = true;
      release?.();
    };
  }, [controller, stack, authorizationFor]);

  const attachElement = useCallback((node: HTMLDivElement | null) => setElement(node), []);
  const error = failure && (failure.stack === null || failure.stack === stack) ? failure.error : null;
  const firstImagePending = stack !== null && shown !== stack && error === null;
  // Thumbnails wait while a viewport waits for its first image (load-priority.ts): from the moment it
  // exists, not only once its stack is set, or a thumbnail drawn while the renderer was starting went
  // first (a software-GL render and copy, 100–200 ms of the main thread without a GPU).
  const awaitingFirstImage = error === null && (stack === null || shown !== stack);
  useEffect(() => (awaitingFirstImage ? viewportAwaitsFirstImage() : undefined), [awaitingFirstImage]);
  return { attachElement, state, error, controller, firstImagePending };
}

const subscribeToNothing = () => () => undefined;
const noSnapshot = () => null;
