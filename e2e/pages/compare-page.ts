import { expect, type Locator, type Page } from '@playwright/test';

/** Two studies side by side (Compare): a pane per study, each with one viewport, and the sync bar. */
export class ComparePage {
  readonly compareButton: Locator;
  readonly closeButton: Locator;
  readonly choices: Locator;
  readonly syncSlices: Locator;
  readonly syncWindow: Locator;
  readonly syncMode: Locator;

  constructor(readonly page: Page) {
    this.compareButton = page.getByTestId('compare-button');
    this.closeButton = page.getByTestId('compare-close');
    this.choices = page.getByTestId('compare-choice');
    this.syncSlices = page.getByTestId('sync-slices');
    this.syncWindow = page.getByTestId('sync-window');
    this.syncMode = page.getByTestId('sync-mode');
  }

  /** Side 0 is the study opened first (left), side 1 the one beside it. */
  pane(side: 0 | 1): Locator {
    return this.page.locator(`[data-testid="compare-pane"][data-side="${side}"]`);
  }

  viewport(side: 0 | 1): Locator {
    return this.pane(side).getByTestId('viewport');
  }

  /** Opens the menu and picks the suggested prior; returns its Study Instance UID. */
  async openSuggestedPrior(): Promise<string> {
    await this.compareButton.click();
    const suggested = this.choices.and(this.page.locator('[data-suggested="true"]'));
    await expect(suggested).toHaveCount(1);
    // The suggestion is offered first.
    await expect(this.choices.first()).toHaveAttribute('data-suggested', 'true');
    const uid = (await suggested.getAttribute('data-study-uid')) ?? '';
    await suggested.click();
    return uid;
  }

  /** Waits until a side shows a decoded image at its current position. */
  async waitForImage(side: 0 | 1): Promise<void> {
    const viewport = this.viewport(side);
    await expect(viewport).toHaveAttribute('data-image-count', /^[1-9]\d*$/);
    await expect(viewport).toHaveAttribute('data-transfer-syntax', /\d/);
    await expect(viewport).toHaveAttribute('data-image-pending', 'false');
  }

  async shownInstance(side: 0 | 1): Promise<string> {
    return (await this.viewport(side).getAttribute('data-sop-instance-uid')) ?? '';
  }

  /**
   * Starts noting every slice number a side shows; the returned function reads them (in order). The
   * numbers come from the viewport's own attribute, as a screen reader or the overlay would.
   */
  async recordShownIndices(side: 0 | 1): Promise<() => Promise<number[]>> {
    const key = `__shownIndices${side}`;
    await this.viewport(side).evaluate((element, name) => {
      const seen: number[] = [];
      Object.assign(window, { [name]: seen });
      new MutationObserver(() => seen.push(Number(element.getAttribute('data-image-index')))).observe(
        element,
        { attributes: true, attributeFilter: ['data-image-index'] },
      );
    }, key);
    return () =>
      this.page.evaluate((name) => [...((window as unknown as Record<string, number[]>)[name] ?? [])], key);
  }

  /** Wheel notches over a side's viewport (one image each, as the stack scroll tool binds it). */
  async scroll(side: 0 | 1, steps: number): Promise<void> {
    const box = await this.viewport(side).boundingBox();
    if (!box) throw new Error('The viewport is not visible.');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < Math.abs(steps); i += 1) await this.page.mouse.wheel(0, steps > 0 ? 100 : -100);
  }
}
