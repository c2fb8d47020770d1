import { QueryClient } from '@tanstack/react-query';
import { SessionExpiredError } from './session-expired-error';

/**
 * The app's query defaults. A session the EHR has ended is not this client's business to announce:
 * the request that found out has already told the session's `SessionExpiry`, which the app listens to
 * (frames and other requests outside TanStack Query report there too).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Clinical data changes rarely while a study is open; refetching on focus only adds load.
        refetchOnWindowFocus: false,
        // A dead session does not come back by retrying.
        retry: (failureCount, error) => !(error instanceof SessionExpiredError) && failureCount < 1,
        staleTime: 60_000,
      },
    },
  });
}
