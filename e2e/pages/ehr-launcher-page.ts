import type { Page } from '@playwright/test';
import type { SandboxInfo } from '../../sandbox/sandbox-info';

/** The sandbox EHR's launcher: a clinician picks a patient and the EHR launches the viewer. */
export class EhrLauncherPage {
  constructor(
    private readonly page: Page,
    private readonly sandbox: SandboxInfo,
  ) {}

  async launch(patientId: string, options: { study?: string; banner?: boolean } = {}): Promise<void> {
    await this.page.goto(this.sandbox.launcher);
    const testId = options.study
      ? `launch-${patientId}-study-${options.study}`
      : options.banner === false
        ? `launch-${patientId}-no-banner`
        : `launch-${patientId}`;
    await this.page.getByTestId(testId).click();
    // Past /launch (authorize) and /callback (code exchange): the session is in this tab now.
    const redirectPath = new URL(this.sandbox.redirectUri).pathname;
    await this.page.waitForURL(
      (url) =>
        url.origin === new URL(this.sandbox.app ?? '').origin &&
        !url.pathname.startsWith('/launch') &&
        url.pathname !== redirectPath,
    );
  }
}
