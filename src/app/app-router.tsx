import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './routes/app-layout';
import { HomeRoute } from './routes/home-route';

/**
 * Cornerstone and its codecs are megabytes: the viewer chunk loads only when a study is opened, so the
 * launch and the study list stay fast. This starts that load; the lazy route reuses the same request.
 */
export const preloadViewerRoute = () => import('./routes/viewer-route');

const ViewerRoute = lazy(() => preloadViewerRoute().then((module) => ({ default: module.ViewerRoute })));

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { path: '/', element: <HomeRoute /> },
        {
          path: '/viewer',
          element: (
            <Suspense fallback={<p className="p-6 text-slate-400">Opening the viewer…</p>}>
              <ViewerRoute />
            </Suspense>
          ),
        },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ]);
}
