import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** `/files`: DICOM files opened from disk, the studies found in them, the folder view, Save as FHIR. */
export class LocalFilesPage {
  readonly summary: Locator;
  readonly studies: Locator;
  readonly folderView: Locator;
  readonly disagreements: Locator;

  constructor(private readonly page: Page) {
    this.summary = page.getByTestId('local-files-summary');
    this.studies = page.getByTestId('local-study');
    this.folderView = page.getByTestId('folder-view');
    this.disagreements = page.getByTestId('folder-disagreements').locator('li');
  }

  /** Opens a whole folder the way the "Open folder" picker does (`webkitdirectory`). */
  async openFolder(path: string): Promise<void> {
    await this.page.getByTestId('local-folder-input').setInputFiles(path);
    await expect(this.summary).toBeVisible({ timeout: 60_000 });
  }

  study(studyUid: string): Locator {
    return this.page.locator(`[data-testid="local-study"][data-study-uid="${studyUid}"]`);
  }

  async view(studyUid: string): Promise<void> {
    await this.study(studyUid).getByRole('button', { name: 'View' }).click();
  }

  async saveAsFhir(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('save-as-fhir').click();
    return download;
  }
}
