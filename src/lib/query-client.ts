import { QueryCache, QueryClient } from '@tanstack/react-query';
import { SessionExpiredError } from './session-expired-error';

/**
 * @param onSessionExpired called when any request finds that the session can no longer be renewed,
 *   so the app can offer to sign in again instead of showing a broken screen per query.
 */
export function createQueryClient(onSessionExpired: () => void = () => undefined): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof SessionExpiredError) onSessionExpired();
      },
    }),
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
