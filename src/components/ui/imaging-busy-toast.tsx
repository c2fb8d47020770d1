import { useImagingServerBusy } from '@/lib/imaging-server-busy';

/** Says, instead of a silent spinner, that an image server asked us to wait. */
export function ImagingBusyToast() {
  const notice = useImagingServerBusy();
  if (!notice) return null;
  return (
    <div
      role="status"
      data-testid="imaging-busy"
      className="fixed right-4 bottom-4 z-40 rounded border border-amber-600 bg-slate-900 px-4 py-2 text-sm text-amber-200 shadow-lg"
    >
      The image server at {notice.origin} is busy; trying again in {notice.retryInSeconds} s…
    </div>
  );
}
