import { useServerWaits, type ServerWait } from '@/lib/server-waits';

const NAMES: Record<ServerWait['server'], string> = {
  fhir: 'the FHIR server',
  image: 'the image server',
  ehr: 'the EHR',
};

/**
 * Says whom the screen is waiting for, instead of a spinner that never explains itself. It lets clicks
 * through: a notice must never stand between the user and the series panel under it.
 */
export function ServerWaitNotice() {
  const waits = useServerWaits();
  // One line per server: twenty slow frames from one PACS are one wait for the user.
  const lines = [...new Set(waits.map(describe))];
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

function describe({ server, address, retryInSeconds }: ServerWait): string {
  if (retryInSeconds !== undefined) {
    return `${capitalised(NAMES[server])} at ${address} did not answer; trying again in ${retryInSeconds} s…`;
  }
  return `Waiting for ${NAMES[server]} at ${address}…`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
