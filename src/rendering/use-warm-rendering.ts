import { useEffect } from 'react';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { whenIdle } from '@/lib/when-idle';
import { loadRendering } from './load-rendering';

/**
 * Starts Cornerstone and its rendering engine as soon as a study is about to open (the viewer route
 * mounts), so they are ready when the study lookup ends instead of starting then.
 */
export function useWarmRendering(authorizationFor: AuthorizationProvider): void {
  useEffect(() => {
    // Idle-time work: on a busy page it waits for a quiet moment (at most 200 ms; Safari, which has
    // no idle callback, waits the 200 ms).
    return whenIdle(
      () => {
        warmRendering(authorizationFor);
      },
      { timeout: 200 },
    );
  }, [authorizationFor]);
}

/** Cornerstone, its workers and the rendering engine, started now (idempotent). */
export function warmRendering(authorizationFor: AuthorizationProvider): void {
  loadRendering()
    .then(async (rendering) => {
      await rendering.initRendering(authorizationFor);
      rendering.warmUpRenderingEngine();
    })
    .catch(() => undefined); // The viewport reports a failed init when it mounts.
}
