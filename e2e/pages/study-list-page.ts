import type { Locator, Page } from '@playwright/test';

export class StudyListPage {
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId('study-row');
  }

  row(studyId: string): Locator {
    return this.page.locator(`[data-testid="study-row"][data-study-id="${studyId}"]`);
  }

  async open(studyId: string): Promise<void> {
    await this.row(studyId).getByTestId('open-study').click();
  }
}
