import type { ReactNode } from 'react';

/** A line in the middle of a viewport, over the image; clicks go through to the viewport. */
export function Centered({ children }: { children: ReactNode }) {
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center p-6 text-center text-sm">
      {children}
    </div>
  );
}

/**
 * At once (or after `showAfterMs`, a blink at most): a blank black viewport reads as "no image", not as
 * "on its way". After a few seconds it names the server it waits for (the imaging door reports slow
 * requests).
 */
export function Waiting({
  children,
  server,
  testId,
  showAfterMs = 0,
}: {
  children: ReactNode;
  server: string | null;
  testId: string;
  showAfterMs?: number;
}) {
  return (
    <Centered>
      <span
        role="status"
        className="flex flex-col items-center gap-1 text-slate-300"
        data-testid={testId}
        // Hidden during the delay (the animation's first frame), shown after it: pure CSS, no timer.
        style={
          showAfterMs > 0 ? { animation: `show-after-delay 0s linear ${showAfterMs}ms both` } : undefined
        }
      >
        <span className="flex items-center gap-2">
          <span
            aria-hidden="true"
            className="h-4 w-4 animate-spin rounded-full border-2 border-slate-500 border-t-slate-200"
          />
          {children}
        </span>
        {server && (
          <span className="text-amber-200" data-testid="viewport-waiting-for">
            Waiting for the image server at {server}…
          </span>
        )}
      </span>
    </Centered>
  );
}
