import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { useViewerRouteModule } from './preload-viewer-route';
import { AppLayout } from './routes/app-layout';
import { HomeRoute } from './routes/home-route';
import { RouteError } from './routes/route-error';

const LazyLocalFilesRoute = lazy(() =>
  import('./routes/local-files-route').then((module) => ({ default: module.LocalFilesSessionRoute })),
);

/** The viewer as soon as its chunk is in memory; until then, a short notice. */
function ViewerRouteElement() {
  const viewer = useViewerRouteModule();
  if (!viewer) return <p className="p-6 text-slate-400">Opening the viewer…</p>;
  return <viewer.ViewerRoute />;
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
