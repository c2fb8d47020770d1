import type { ReactNode } from 'react';

/**
 * What a screen or a viewport shows in place of what failed to render: the reason, and a way on. The
 * message is the exception's own text (shown as text, never markup), so a bug report can quote it.
 */
export function FailurePanel({
  what,
  error,
  children,
  testId,
}: {
  /** What could not be shown, e.g. "This viewport". */
  what: string;
  error: unknown;
  /** The ways back: a retry button, a link to the list. */
  children: ReactNode;
  testId: string;
}) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className="h-full overflow-auto bg-black p-6 text-sm text-amber-300"
    >
      <p className="font-semibold">{what} could not be shown because of an error in the viewer.</p>
      <p className="mt-1 line-clamp-4 text-amber-200/80 [overflow-wrap:anywhere]">{messageOf(error)}</p>
      <p className="mt-3 flex flex-wrap gap-3">{children}</p>
    </div>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
