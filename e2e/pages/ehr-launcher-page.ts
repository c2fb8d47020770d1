import type { Frame, FrameLocator, Page } from '@playwright/test';
import { EMBEDDED_APP_FRAME } from '../../sandbox/launcher/embedded-ehr-page';
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

  /**
   * The embedded launch: the EHR page with the app in an iframe. Resolves once the frame is past
   * /launch and /callback, with the frame (to locate in) and its handle (to navigate or reload it).
   */
  async launchEmbedded(patientId: string): Promise<{ app: FrameLocator; frame: Frame }> {
    await this.page.goto(this.sandbox.launcher);
    await this.page.getByTestId(`launch-${patientId}-embedded`).click();
    await this.page.waitForURL((url) => url.pathname === '/embedded');
    const frame = this.page.frame({ name: EMBEDDED_APP_FRAME });
    if (!frame) throw new Error('The EHR page has no app frame.');
    const redirectPath = new URL(this.sandbox.redirectUri).pathname;
    await frame.waitForURL(
      (url) =>
        url.origin === new URL(this.sandbox.app ?? '').origin &&
        !url.pathname.startsWith('/launch') &&
        url.pathname !== redirectPath,
    );
    return { app: this.page.frameLocator(`iframe[name="${EMBEDDED_APP_FRAME}"]`), frame };
  }
}
