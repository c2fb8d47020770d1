import { RenderingEngine } from '@cornerstonejs/core';

export const RENDERING_ENGINE_ID = 'imaging-viewer';

let sharedEngine: RenderingEngine | null = null;

/** One WebGL context serves every viewport on the page. */
export function renderingEngine(): RenderingEngine {
  sharedEngine ??= new RenderingEngine(RENDERING_ENGINE_ID);
  return sharedEngine;
}

/**
 * Creates the rendering engine (its WebGL context takes a few hundred milliseconds on software GL)
 * ahead of the first viewport, while the study is still being looked up. Call after init.
 */
export function warmUpRenderingEngine(): void {
  renderingEngine();
}
