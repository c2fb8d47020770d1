import { CenteredPanel } from '@/components/ui/centered-panel';
import type { LaunchError, LaunchErrorKind } from '../launch-error';

const TITLES: Record<LaunchErrorKind, string> = {
  'missing-iss': 'This launch link is incomplete',
  'issuer-not-allowed': 'This EHR is not allowed',
  'authorization-denied': 'The EHR did not authorize the viewer',
  'token-failed': 'Sign-in could not be completed',
  'no-patient': 'No patient was selected',
  'no-session': 'Your session has ended',
  config: 'The viewer is not configured',
};

const ADVICE: Record<LaunchErrorKind, string> = {
  'missing-iss': 'Open the viewer from your EHR, which adds the server details to the link.',
  'issuer-not-allowed': 'Ask your administrator to add this FHIR server to the viewer’s app-config.json.',
  'authorization-denied':
    'Launch the viewer again from your EHR. If this keeps happening, contact your administrator.',
  'token-failed': 'Launch the viewer again from your EHR.',
  'no-patient': 'Open a patient’s chart in your EHR and launch the viewer from there.',
  'no-session': 'Launch the viewer again from your EHR.',
  config: 'Ask your administrator to check app-config.json.',
};

export function LaunchErrorPage({ error }: { error: LaunchError }) {
  return (
    <CenteredPanel title={TITLES[error.kind]}>
      <p role="alert" data-testid="launch-error" data-kind={error.kind}>
        {error.message}
      </p>
      <p>{ADVICE[error.kind]}</p>
      {error.detail && (
        <p className="text-xs text-slate-400" data-testid="launch-error-detail">
          Technical detail: {error.detail}
        </p>
      )}
    </CenteredPanel>
  );
}
