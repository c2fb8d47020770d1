/**
 * Why the list (or its rest) did not load, and a way to ask again: the automatic retry has already
 * been spent by then, and a reload would lose the filters' state and the rows already shown.
 */
export function StudyListLoadError({
  message,
  partial,
  retrying,
  onRetry,
}: {
  message: string;
  /** Some rows arrived: only the rest is missing. */
  partial: boolean;
  retrying: boolean;
  onRetry: () => void;
}) {
  return (
    <span role="alert" className="text-red-300" data-testid="study-list-error">
      {partial ? ' · the rest of the list could not be loaded: ' : 'The study list could not be loaded: '}
      {message}{' '}
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        data-testid="study-list-retry"
        className="ml-1 min-h-6 rounded border border-slate-500 px-2 py-0.5 text-slate-100 hover:bg-slate-700 disabled:opacity-60"
      >
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </span>
  );
}
