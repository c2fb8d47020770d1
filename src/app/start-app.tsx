import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import type { AppConfig } from '@/config/app-config';
import { StartPage } from '@/features/launch/components/start-page';
import { createQueryClient } from '@/lib/query-client';

const LazyLocalFiles = lazy(() =>
  import('./routes/local-files-route').then((module) => ({ default: module.LocalFilesStandaloneRoute })),
);

/**
 * A tab without a session: the start page (sign in), and DICOM files from this computer at `/files`,
 * which need no session since nothing is fetched. Every other path keeps the start page, so a link
 * opened outside the EHR still signs in to its target.
 */
export function StartApp({ config, returnTo }: { config: AppConfig; returnTo: string | null }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() =>
    createBrowserRouter([
      {
        path: '/files',
        element: (
          <Suspense fallback={<p className="p-6 text-slate-400">Opening…</p>}>
            <LazyLocalFiles />
          </Suspense>
        ),
      },
      { path: '*', element: <StartPage config={config} returnTo={returnTo} /> },
    ]),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
