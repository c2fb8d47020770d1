import { useEffect, useState } from 'react';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { whenIdle } from '@/lib/when-idle';
import { prefetchRendering } from '@/rendering/load-rendering';
import { whenRenderingMayStart } from '@/rendering/rendering-gate';
// Type-only: erased at build time, so the viewer stays out of the initial bundle.
import type * as ViewerRouteExports from './routes/viewer-route';

type ViewerRouteModule = typeof ViewerRouteExports;

let loaded: ViewerRouteModule | null = null;

/**
 * Cornerstone and its codecs are megabytes: the viewer chunk loads only when a study is opened, so the
 * launch and the study list stay fast. This starts that load ahead of time (the route reuses it). The
 * rendering chunks are not part of it: a page about to paint its first image has them fetched once that
 * image's bytes are in (first-paint-slot.ts), and an idle screen with no first image on its way has
 * them fetched beside the viewer (`preloadViewerRouteWhenIdle`).
 */
export function preloadViewerRoute(): Promise<ViewerRouteModule> {
  return import('./routes/viewer-route').then((module) => (loaded = module));
}

/**
 * The viewer module, or null until it has arrived (the component re-renders then); a module that cannot
 * be loaded is thrown to the route's error element. Not `lazy` and Suspense: React reveals content that
 * suspended no sooner than its fallback throttle (300 ms after the fallback showed), which held a
 * launched study's first image back by up to that much (measured: 173 ms in a trace of an EHR launch).
 */
export function useViewerRouteModule(): ViewerRouteModule | null {
  const [state, setState] = useState<{ module: ViewerRouteModule | null; error: unknown }>(() => ({
    module: loaded,
    error: null,
  }));
  useEffect(() => {
    if (state.module) return;
    let cancelled = false;
    preloadViewerRoute().then(
      (module) => {
        if (!cancelled) setState({ module, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState({ module: null, error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [state.module]);
  if (state.error !== null) throw state.error;
  return state.module;
}

/**
 * Once the browser is idle after the first screen, fetch and compile the viewer in the background: the
 * clinician's next step is usually to open a study, which then starts warm.
 */
export function preloadViewerRouteWhenIdle(): () => void {
  return whenIdle(
    () => {
      // Not while a first image is on its way (this runs on every screen, the viewer's too): its own
      // first paint has them fetched once its bytes are in (first-paint-slot.ts, rendering-gate.ts).
      void whenRenderingMayStart().then(prefetchRendering);
      void preloadViewerRoute();
    },
    { timeout: 5_000, fallbackDelay: 2_000 },
  );
}

/**
 * Starts Cornerstone, its decode workers and the rendering engine as soon as the viewer's chunk is
 * in memory, for a session that opens on the viewer: they are then ready when the first frame
 * arrives instead of starting once the viewer has mounted. (The chunk is the one the viewer loads:
 * this adds no request.)
 */
export function warmRenderingEarly(authorizationFor: AuthorizationProvider): void {
  void preloadViewerRoute()
    .then(() => import('@/rendering/use-warm-rendering'))
    .then((rendering) => rendering.warmRendering(authorizationFor))
    .catch(() => undefined); // The viewport reports a failed start when it mounts.
}
