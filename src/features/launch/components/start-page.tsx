import { useState } from 'react';
import { Link } from 'react-router';
import { CenteredPanel } from '@/components/ui/centered-panel';
import { standaloneIssOf, type AppConfig, type IssuerConfig } from '@/config/app-config';
import { toLaunchError, type LaunchError } from '../launch-error';
import { startStandaloneLaunch } from '../start-launch';
import { LaunchErrorPage } from './launch-error-page';

/**
 * Shown when this tab has no session: usually a link opened outside the EHR. It offers the
 * standalone launch against each configured FHIR server, keeping the link's target.
 */
export function StartPage({ config, returnTo }: { config: AppConfig; returnTo: string | null }) {
  const [error, setError] = useState<LaunchError | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  if (error) return <LaunchErrorPage error={error} />;

  const launch = (issuer: IssuerConfig) => {
    setPending(issuer.iss);
    startStandaloneLaunch(config, issuer, returnTo).catch((cause: unknown) => {
      setPending(null);
      setError(toLaunchError(cause, 'token-failed'));
    });
  };

  return (
    <CenteredPanel title="Open the imaging viewer">
      <p data-testid="no-session">
        There is no active session in this tab. Launch the viewer again from your EHR, or sign in to a FHIR
        server below.
      </p>
      {returnTo && (
        <p className="text-sm text-slate-400">After signing in you will go straight to the linked study.</p>
      )}
      <ul className="space-y-2">
        {config.issuers.map((issuer) => (
          <li key={issuer.iss}>
            <button
              type="button"
              className="w-full rounded bg-sky-700 px-4 py-2 text-left text-white hover:bg-sky-800 disabled:opacity-60"
              disabled={pending !== null}
              onClick={() => launch(issuer)}
            >
              Sign in to {issuer.name}
              <span className="block text-xs text-sky-100">{standaloneIssOf(issuer)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-400">
        Or{' '}
        <Link to="/files" className="text-sky-300 underline" data-testid="open-local-files">
          open DICOM files from this computer
        </Link>{' '}
        without signing in: they are read in this browser and never uploaded.
      </p>
    </CenteredPanel>
  );
}
