import { whenRenderingMayStart } from './rendering-gate';
// Type-only: erased at build time, so Cornerstone stays out of every chunk that imports this file.
import type * as RenderingRuntime from './runtime';

export type Rendering = typeof RenderingRuntime;

let loading: Promise<Rendering> | null = null;
let loaded: Rendering | null = null;

/**
 * Cornerstone and the app's code around it, imported once per page, once no first paint holds it back
 * (rendering-gate.ts). A failed import (the chunk did not arrive) is not remembered: the next caller
 * tries again.
 */
export function loadRendering(): Promise<Rendering> {
  loading ??= whenRenderingMayStart()
    .then(() => {
      // Marks for the bench's waterfall (and any profile): when evaluation starts and ends.
      performance.mark('rendering:import');
      return import('./runtime');
    })
    .then(
      (runtime) => {
        performance.mark('rendering:ready');
        return (loaded = runtime);
      },
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

/** The build names the rendering chunks here (scripts/preload-chunks.ts, nameChunksInMeta); absent in dev. */
const RENDERING_CHUNKS_META = 'meta[name="rendering-chunks"]';

/**
 * Has the browser fetch and compile the rendering chunks without evaluating them (modulepreload):
 * `loadRendering` then only evaluates them. Megabytes compiled on one of the machine's cores: a page
 * painting its first image calls this once that image's own bytes are in (first-paint-slot.ts),
 * not while they are on their way. (Measured on two cores, interleaved A/B of 10
 * EHR launches each: token → first image 473 → 396 ms, the renderer's start unchanged within noise.)
 */
export function prefetchRendering(): void {
  const files = document.querySelector<HTMLMetaElement>(RENDERING_CHUNKS_META)?.content.split(/\s+/) ?? [];
  const present = new Set(
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href),
  );
  for (const file of files) {
    if (!file) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    // As index.html's module scripts and preloads: a preload fetched otherwise would not be reused.
    link.crossOrigin = '';
    link.href = file;
    if (present.has(link.href)) continue;
    document.head.append(link);
  }
}
