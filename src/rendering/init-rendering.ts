import { cache, init as initCore } from '@cornerstonejs/core';
import { init as initDicomImageLoader } from '@cornerstonejs/dicom-image-loader';
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
import { takeEarlyFrame } from './early-frames';
import { frameAcceptFor, registerTransferSyntaxAwareLoader } from './frame-transfer-syntax';
import { urlOfImageId } from './image-id-url';

/** Returns `Bearer …` for a URL that may receive the access token, null otherwise. */
export type AuthorizationProvider = (url: string) => Promise<string | null>;

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

function initialize(): void {
  initCore();
  cache.setMaxCacheSize(imageCacheBytes());
  initDicomImageLoader({
    maxWebWorkers: Math.max(1, Math.min(4, navigator.hardwareConcurrency - 1)),
    // The token is added per request, only where the session's policy allows it, and only as a
    // header: never in the image URL, so it cannot leak into logs or caches.
    beforeSend: async (_xhr, imageIdOrUrl, defaultHeaders) => {
      const authorization = await authorizationFor(urlOfImageId(imageIdOrUrl));
      const accept = frameAcceptFor(imageIdOrUrl);
      return {
        ...defaultHeaders,
        ...(accept ? { Accept: accept } : {}),
        ...(authorization ? { Authorization: authorization } : {}),
      };
    },
  });
  registerTransferSyntaxAwareLoader(takeEarlyFrame);
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
