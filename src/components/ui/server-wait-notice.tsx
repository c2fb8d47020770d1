import { describeServerWait, useServerWaits } from '@/lib/server-waits';

/**
 * Says whom the screen is waiting for, instead of a spinner that never explains itself. It lets clicks
 * through: a notice must never stand between the user and the series panel under it.
 */
export function ServerWaitNotice() {
  const waits = useServerWaits();
  // One line per server: twenty slow frames from one PACS are one wait for the user.
  const lines = [...new Set(waits.map(describeServerWait))];
  if (lines.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="server-wait"
      className="pointer-events-none fixed bottom-4 left-4 z-40 space-y-1 rounded border border-amber-600 bg-slate-900 px-4 py-2 text-sm text-amber-200 shadow-lg"
    >
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
