import { CenteredPanel } from '@/components/ui/centered-panel';

export function RedirectingPage() {
  return (
    <CenteredPanel title="Connecting to your EHR…">
      <p>You are being signed in. This takes a moment.</p>
    </CenteredPanel>
  );
}
