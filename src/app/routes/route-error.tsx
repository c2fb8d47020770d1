import { Link, useRouteError } from 'react-router';
import { FailurePanel } from '@/components/ui/failure-panel';
import { screenErrorText } from './screen-error-text';

/**
 * A route's error boundary (React Router's `errorElement`): an exception while rendering the list or
 * the viewer replaces that screen only; the session, the patient banner and the way back stay.
 */
export function RouteError() {
  const error = useRouteError();
  return (
    <FailurePanel what="This screen" error={screenErrorText(error)} testId="route-error">
      <Link to="/" className="text-sky-300 underline">
        Show this patient’s studies
      </Link>
      <button type="button" className="text-sky-300 underline" onClick={() => window.location.reload()}>
        Reload
      </button>
    </FailurePanel>
  );
}
