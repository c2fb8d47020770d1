import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { RouterProvider } from 'react-router';
import { ImagingBusyToast } from '@/components/ui/imaging-busy-toast';
import { ServerWaitNotice } from '@/components/ui/server-wait-notice';
import { LaunchErrorPage } from '@/features/launch/components/launch-error-page';
import { RedirectingPage } from '@/features/launch/components/redirecting-page';
import { SessionExpiredDialog } from '@/features/launch/components/session-expired-dialog';
import { createQueryClient } from '@/lib/query-client';
import { SmartSessionContext, type SmartSession } from '@/lib/smart-session';
import { createAppRouter } from './app-router';
import type { Boot } from './boot';
import { StartApp } from './start-app';

/** `queryClient`: the one the entry has already started the landing screen's requests with. */
export function App({ boot, queryClient }: { boot: Boot; queryClient?: QueryClient }) {
  switch (boot.kind) {
    case 'redirecting':
      return <RedirectingPage />;
    case 'error':
      return <LaunchErrorPage error={boot.error} />;
    case 'start':
      return <StartApp config={boot.config} returnTo={boot.returnTo} />;
    case 'session':
      return <SessionApp session={boot.session} queryClient={queryClient} />;
  }
}

function SessionApp({ session, queryClient: given }: { session: SmartSession; queryClient?: QueryClient }) {
  // Whoever finds the session ended (a list page, a frame, a refresh) tells `session.expiry`.
  const expired = useSyncExternalStore(session.expiry.subscribe, session.expiry.hasEnded);
  const [queryClient] = useState(() => given ?? createQueryClient());
  const [router] = useState(createAppRouter);
  return (
    <SmartSessionContext.Provider value={session}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <ImagingBusyToast />
        <ServerWaitNotice />
        {expired && <SessionExpiredDialog config={session.config} fhirBaseUrl={session.fhirBaseUrl} />}
      </QueryClientProvider>
    </SmartSessionContext.Provider>
  );
}
