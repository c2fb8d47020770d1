import { useState } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { issuerOfSession, type AppConfig } from '@/config/app-config';
import { toLaunchError } from '../launch-error';
import { startStandaloneLaunch } from '../start-launch';

/**
 * Shown over the app when the EHR no longer accepts the session (refresh refused or revoked). Nothing
 * on screen is lost until the user chooses to sign in again, which returns to the same place.
 */
export function SessionExpiredDialog({ config, fhirBaseUrl }: { config: AppConfig; fhirBaseUrl: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  const issuer = issuerOfSession(config, fhirBaseUrl);
  const signInAgain = () => {
    if (!issuer) return;
    const here = `${window.location.pathname}${window.location.search}`;
    startStandaloneLaunch(config, issuer, here).catch((error: unknown) =>
      setFailed(toLaunchError(error, 'token-failed').message),
    );
  };
  return (
    // Not dismissable: Escape and the backdrop do nothing, the page behind stays inert. Focus moves to
    // "Sign in again" (or the dialog itself when there is no issuer to sign in to).
    <ModalDialog
      labelledBy="session-expired-title"
      role="alertdialog"
      testId="session-expired"
      className="border-amber-600"
    >
      <section className="max-w-md space-y-3 p-6">
        <h2 id="session-expired-title" className="text-lg font-semibold text-amber-200">
          Your session has ended
        </h2>
        <p className="text-slate-300">
          The EHR no longer accepts this viewer’s sign-in. Launch the viewer again from your EHR, or sign in
          again here to return to this screen.
        </p>
        {issuer && (
          <button
            type="button"
            onClick={signInAgain}
            className="rounded bg-sky-700 px-4 py-2 text-white hover:bg-sky-800"
          >
            Sign in again
          </button>
        )}
        {failed && (
          <p role="alert" className="text-sm text-red-300">
            {failed}
          </p>
        )}
      </section>
    </ModalDialog>
  );
}
