import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { loadedViewerRoute, preloadViewerRoute } from './preload-viewer-route';
import { AppLayout } from './routes/app-layout';
import { HomeRoute } from './routes/home-route';
import { RouteError } from './routes/route-error';

const LazyLocalFilesRoute = lazy(() =>
  import('./routes/local-files-route').then((module) => ({ default: module.LocalFilesSessionRoute })),
);

const LazyViewerRoute = lazy(() => preloadViewerRoute().then((module) => ({ default: module.ViewerRoute })));

/** The viewer as soon as its chunk is in memory; until then, loaded lazily with a short notice. */
function ViewerRouteElement() {
  const loaded = loadedViewerRoute();
  if (loaded) return <loaded.ViewerRoute />;
  return (
    <Suspense fallback={<p className="p-6 text-slate-400">Opening the viewer…</p>}>
      <LazyViewerRoute />
    </Suspense>
  );
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        { path: '/', element: <HomeRoute />, errorElement: <RouteError /> },
        { path: '/viewer', element: <ViewerRouteElement />, errorElement: <RouteError /> },
        {
          path: '/files',
          element: (
            <Suspense fallback={<p className="p-6 text-slate-400">Opening…</p>}>
              <LazyLocalFilesRoute />
            </Suspense>
          ),
          errorElement: <RouteError />,
        },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ]);
}
