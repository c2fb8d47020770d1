import { cache, getShouldUseCPURendering, init as initCore } from '@cornerstonejs/core';
import { init as initDicomImageLoader } from '@cornerstonejs/dicom-image-loader/imageLoader';
import {
  addTool,
  AngleTool,
  EllipticalROITool,
  init as initTools,
  LengthTool,
  PanTool,
  RectangleROITool,
  StackScrollTool,
  WindowLevelTool,
  ZoomTool,
} from '@cornerstonejs/tools';
import type { AuthorizationProvider } from '@/lib/imaging-http';
import { cancelDeferredMoveOnEveryMove } from './deferred-scroll';
import { registerFrameLoader } from './frame-loader';
import { registerLocalFileLoader } from './local-file-loader';
import { registerWadoUriLoader } from './wado-uri-loader';

let authorizationFor: AuthorizationProvider = () => Promise.resolve(null);
let initialization: Promise<void> | null = null;

/**
 * Initialises Cornerstone once per page (idempotent: every caller awaits the same promise). The
 * authorization provider is swapped on each call so a refreshed session is always the one asked.
 */
export function initRendering(provider: AuthorizationProvider): Promise<void> {
  authorizationFor = provider;
  initialization ??= Promise.resolve().then(initialize);
  return initialization;
}

/** Bytes of decoded images kept; least recently used ones are dropped beyond it. */
function imageCacheBytes(): number {
  // navigator.deviceMemory (GiB, Chromium only) is rounded and capped at 8: take a quarter of it,
  // within 512 MiB (two 300-slice CTs) and 1 GiB, so a long session never exhausts the tab.
  const gib = (navigator as Navigator & { deviceMemory?: number }).deviceMemory ?? 4;
  return Math.min(1024, Math.max(512, (gib * 1024) / 4)) * 1024 * 1024;
}

/**
 * WebGL contexts the rendering engine opens at its start (Cornerstone's default is 7). Each one costs
 * the main thread 5–25 ms to create without a GPU (the renderer's start, measured in Chromium's
 * software GL) and a share of the browser's limit on live contexts; stack viewports share them round
 * robin, so two serve the viewer's layouts, the compare screen and the thumbnails.
 */
const WEBGL_CONTEXTS = 2;

const NO_WEBGL_MESSAGE =
  'Images cannot be worked with in this browser: it has no WebGL (hardware acceleration is off or ' +
  'blocked), and without it images may be drawn wrongly. Turn hardware acceleration on, or open the ' +
  'viewer in another browser.';

function initialize(): void {
  initCore({ rendering: { webGlContextCount: WEBGL_CONTEXTS }, debug: {} });
  // Without WebGL Cornerstone falls back to drawing on the CPU, and that path is not one this viewer
  // can vouch for: in Chromium with WebGL off, JPEG frames came out blank, MONOCHROME1 never drew and
  // flips were not applied (the transfer-syntax and viewer-tools e2e, session 15). No wrong pixels: say
  // why instead. A first paint (2D canvas, checked against Cornerstone's drawing) may still show.
  if (getShouldUseCPURendering()) throw new Error(NO_WEBGL_MESSAGE);
  // Cornerstone 5.14 lets a deferred scroll undo a later jump (see deferred-scroll.ts).
  cancelDeferredMoveOnEveryMove();
  cache.setMaxCacheSize(imageCacheBytes());
  initDicomImageLoader({
    maxWebWorkers: Math.max(1, Math.min(4, navigator.hardwareConcurrency - 1)),
  });
  // Frames and WADO-URI files go through the app's imaging door (token, retries, timeout), not the
  // loader's own XHR (these replace the loaders `initDicomImageLoader` registered); no `beforeSend` is
  // set, so no other Cornerstone request can carry the token.
  registerFrameLoader(() => authorizationFor);
  registerWadoUriLoader(() => authorizationFor);
  // Files from the user's disk: read locally, never fetched.
  registerLocalFileLoader();
  initTools();
  for (const tool of [
    WindowLevelTool,
    PanTool,
    ZoomTool,
    StackScrollTool,
    LengthTool,
    AngleTool,
    EllipticalROITool,
    RectangleROITool,
  ])
    addTool(tool);
}
