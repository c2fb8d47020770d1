import type { Locator, Page } from '@playwright/test';

/** The viewer's own start page (no session in this tab) and the EHR's patient picker. */
export class StartPage {
  readonly noSession: Locator;
  readonly launchError: Locator;

  constructor(private readonly page: Page) {
    this.noSession = page.getByTestId('no-session');
    this.launchError = page.getByTestId('launch-error');
  }

  async signInAndPick(patientId: string): Promise<void> {
    await this.page
      .getByRole('button', { name: /Sign in to/ })
      .first()
      .click();
    await this.page.getByTestId(`pick-${patientId}`).click();
  }
}
