import { init as initCore } from '@cornerstonejs/core';
import { init as initDicomImageLoader } from '@cornerstonejs/dicom-image-loader';
import {
  addTool,
  init as initTools,
  PanTool,
  StackScrollTool,
  WindowLevelTool,
  ZoomTool,
} from '@cornerstonejs/tools';
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

function initialize(): void {
  initCore();
  initDicomImageLoader({
    maxWebWorkers: Math.max(1, Math.min(4, navigator.hardwareConcurrency - 1)),
    // The token is added per request, only where the session's policy allows it, and only as a
    // header: never in the image URL, so it cannot leak into logs or caches.
    beforeSend: async (_xhr, imageIdOrUrl, defaultHeaders) => {
      const authorization = await authorizationFor(urlOfImageId(imageIdOrUrl));
      return authorization ? { ...defaultHeaders, Authorization: authorization } : defaultHeaders;
    },
  });
  initTools();
  for (const tool of [WindowLevelTool, PanTool, ZoomTool, StackScrollTool]) addTool(tool);
}
