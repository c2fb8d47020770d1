/**
 * What a page with a session needs once its token is there, in one dynamic import of src/main.tsx: the
 * launch page never evaluates it, and index.html modulepreloads it (vite.config.ts, preloadChunks) so that
 * the callback and a reload find it fetched.
 */
export { createQueryClient } from '@/lib/query-client';
export { prefetchLanding } from './prefetch-landing';
export { preloadViewerRoute, warmRenderingEarly } from './preload-viewer-route';
