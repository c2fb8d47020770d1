import { useEffect, useState, useSyncExternalStore } from 'react';
import { loadedRendering } from './load-rendering';
import { SnapshotStore } from './snapshot-store';
import type { StackViewportController } from './stack-viewport-controller';
import type { SliceSyncMode, ViewportLink } from './viewport-sync';

export type { SliceSyncMode } from './viewport-sync';

interface LinkOptions {
  slices: boolean;
  window: boolean;
}

/**
 * Links two viewports once both show a stack (their first slice's geometry decides how), keeps the
 * sync switches applied, and unlinks when either viewport goes. Returns how slices follow, or null
 * while not linked.
 */
export function useViewportLink(
  first: StackViewportController | null,
  second: StackViewportController | null,
  { slices, window }: LinkOptions,
): SliceSyncMode | null {
  const firstReady = useHasStack(first);
  const secondReady = useHasStack(second);
  // The link is made in an effect (it listens to the viewports) and read through a store.
  const [store] = useState(() => new SnapshotStore<ViewportLink | null>(null, Object.is));
  const link = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useEffect(() => {
    // Viewports with a stack exist only once the rendering module is loaded.
    const rendering = loadedRendering();
    if (!first || !second || !firstReady || !secondReady || !rendering) return;
    const created = new rendering.ViewportLink(first.viewportId, second.viewportId);
    store.publish(created);
    return () => {
      created.destroy();
      store.publish(null);
    };
  }, [store, first, second, firstReady, secondReady]);

  useEffect(() => link?.setSlicesSynced(slices), [link, slices]);
  useEffect(() => link?.setWindowSynced(window), [link, window]);
  return link?.mode ?? null;
}

function useHasStack(controller: StackViewportController | null): boolean {
  return useSyncExternalStore(controller?.subscribe ?? subscribeToNothing, () =>
    controller ? (controller.getSnapshot()?.imageCount ?? 0) > 0 : false,
  );
}

const subscribeToNothing = () => () => undefined;
