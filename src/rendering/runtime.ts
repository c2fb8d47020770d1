/**
 * Everything of the rendering room that needs Cornerstone (core, tools, the image loader, vtk.js,
 * dcmjs: megabytes to download and evaluate), in one chunk that `loadRendering` imports on demand. The
 * hooks the screens use import only this module's types, so a screen renders (and the first frame is
 * painted, see first-frame-paint.ts) while Cornerstone is still on its way.
 */
export { initRendering } from './init-rendering';
export { registerDicomWebMetadata } from './register-dicomweb-metadata';
export { warmUpRenderingEngine } from './rendering-engine';
export { prefetchSeries } from './series-prefetch';
export { StackViewportController } from './stack-viewport-controller';
export { renderThumbnail } from './thumbnail-render';
export { removeAllMeasurements } from './viewport-measurements';
export { ViewportLink } from './viewport-sync';
