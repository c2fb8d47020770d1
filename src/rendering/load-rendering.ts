// Type-only: erased at build time, so Cornerstone stays out of every chunk that imports this file.
import type * as RenderingRuntime from './runtime';

export type Rendering = typeof RenderingRuntime;

let loading: Promise<Rendering> | null = null;
let loaded: Rendering | null = null;

/**
 * Cornerstone and the app's code around it, imported once per page. A failed import (the chunk did
 * not arrive) is not remembered: the next caller tries again.
 */
export function loadRendering(): Promise<Rendering> {
  loading ??= import('./runtime').then(
    (runtime) => (loaded = runtime),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The rendering module if it has been imported (for clean-ups that have nothing to do otherwise). */
export function loadedRendering(): Rendering | null {
  return loaded;
}

/** Starts `loadRendering` for a caller that does not wait for it (its failure is reported by whoever needs it). */
export function startLoadingRendering(): void {
  void loadRendering().catch(() => undefined);
}
