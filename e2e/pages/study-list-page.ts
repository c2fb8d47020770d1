import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** The patient's study list: filters, a count line, and virtualised rows (only those on screen exist). */
export class StudyListPage {
  readonly rows: Locator;
  readonly count: Locator;
  readonly scroller: Locator;

  /** `page` may be the app's frame on an EHR page (embedded launch). */
  constructor(private readonly page: Page | FrameLocator) {
    this.rows = page.getByTestId('study-row');
    this.count = page.getByTestId('study-count');
    this.scroller = page.getByTestId('study-list-scroller');
  }

  row(studyId: string): Locator {
    return this.page.locator(`[data-testid="study-row"][data-study-id="${studyId}"]`);
  }

  async open(studyId: string): Promise<void> {
    await this.row(studyId).getByTestId('open-study').click();
  }

  /** Waits until every page of the search has arrived. */
  async waitUntilComplete(): Promise<void> {
    await expect(this.count).toHaveAttribute('data-complete', 'true');
  }

  async shown(): Promise<number> {
    return Number(await this.count.getAttribute('data-shown'));
  }

  async total(): Promise<number> {
    return Number(await this.count.getAttribute('data-total'));
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('filter-text').fill(text);
  }

  async filterModality(code: string): Promise<void> {
    await this.page.getByTestId('filter-modality').selectOption(code);
  }

  async filterDates(from: string, to: string): Promise<void> {
    await this.page.getByTestId('filter-from').fill(from);
    await this.page.getByTestId('filter-to').fill(to);
  }

  async showEnteredInError(show: boolean): Promise<void> {
    await this.page.getByTestId('filter-show-errors').setChecked(show);
  }

  async sortBy(key: 'date' | 'modality' | 'description' | 'accession' | 'status'): Promise<void> {
    await this.page.getByTestId(`sort-${key}`).click();
  }

  /** The study ids of the rows rendered now, top to bottom. */
  async renderedIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-study-id') ?? ''));
  }

  async scrollToEnd(): Promise<void> {
    await this.scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  }
}
