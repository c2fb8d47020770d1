import { describe, expect, it, vi } from 'vitest';
import { holdRenderingUntilFirstPaint } from '@/rendering/rendering-gate';
import { preloadViewerRouteWhenIdle } from './preload-viewer-route';

const spies = vi.hoisted(() => ({ prefetchRendering: vi.fn(), viewerRoute: vi.fn() }));
vi.mock(import('@/rendering/load-rendering'), async (original) => ({
  ...(await original()),
  prefetchRendering: spies.prefetchRendering,
}));
// The browser is idle at once; the viewer's chunk is not this test's.
vi.mock(import('@/lib/when-idle'), () => ({
  whenIdle: (run: () => void) => {
    run();
    return () => undefined;
  },
}));
vi.mock('./routes/viewer-route', () => {
  spies.viewerRoute();
  return {};
});

describe('preloadViewerRouteWhenIdle', () => {
  it('has the renderer’s chunks fetched only once no first image is on its way', async () => {
    const release = holdRenderingUntilFirstPaint();
    preloadViewerRouteWhenIdle();
    await vi.waitFor(() => expect(spies.viewerRoute).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(spies.prefetchRendering).not.toHaveBeenCalled();
    release();
    await vi.waitFor(() => expect(spies.prefetchRendering).toHaveBeenCalledTimes(1));
  });
});
