import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { FailurePanel } from '@/components/ui/failure-panel';

/**
 * One viewport's error boundary: an exception in a viewport (a series no code path expected) takes
 * down that viewport only; the other viewports, the series list and the study stay, and the failed
 * one can be tried again. Keyed by its series by the caller, so showing another series starts afresh.
 */
export function ViewportBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary FallbackComponent={ViewportFailure}>{children}</ErrorBoundary>;
}

function ViewportFailure({ error, resetErrorBoundary }: FallbackProps) {
  return (
    <FailurePanel what="This viewport" error={error} testId="viewport-failure">
      <button type="button" className="text-sky-300 underline" onClick={resetErrorBoundary}>
        Try again
      </button>
    </FailurePanel>
  );
}
