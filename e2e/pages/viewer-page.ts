import { expect, type Locator, type Page } from '@playwright/test';
import type { SandboxInfo } from '../../sandbox/sandbox-info';
import { EhrLauncherPage } from './ehr-launcher-page';
import { StudyListPage } from './study-list-page';

/** The viewer: series thumbnails on the left, a toolbar, one to four stack viewports. */
export class ViewerPage {
  readonly viewport: Locator;
  readonly thumbnails: Locator;

  /** The clinician's path to a study: an EHR launch for its patient, then Open in the study list. */
  static async openFromEhr(
    page: Page,
    sandbox: SandboxInfo,
    study: { patient: string; id: string },
  ): Promise<ViewerPage> {
    await new EhrLauncherPage(page, sandbox).launch(study.patient);
    await new StudyListPage(page).open(study.id);
    return new ViewerPage(page);
  }

  constructor(readonly page: Page) {
    // The active viewport: the only one in a 1×1 layout, the highlighted one in others.
    this.viewport = page.locator('[data-testid="viewport"][data-active="true"]');
    this.thumbnails = page.getByTestId('series-thumbnail');
  }

  /** The viewport in a layout slot (0 = top left). */
  viewportAt(slot: number): Locator {
    return this.page.locator(`[data-testid="viewport"][data-slot="${slot}"]`);
  }

  toolbarButton(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Clicks a series and waits until its first image is drawn. */
  async showSeries(seriesUid: string): Promise<void> {
    await this.revealThumbnail(seriesUid);
    await this.thumbnail(seriesUid).click();
    await this.waitForImage(seriesUid);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** A left drag across the viewport, in fractions of its size. */
  async drag(from: [number, number], to: [number, number], button: 'left' | 'right' | 'middle' = 'left') {
    const box = await this.viewport.first().boundingBox();
    if (!box) throw new Error('The viewport is not visible.');
    const at = ([x, y]: [number, number]) => [box.x + box.width * x, box.y + box.height * y] as const;
    const [x0, y0] = at(from);
    const [x1, y1] = at(to);
    await this.page.mouse.move(x0, y0);
    await this.page.mouse.down({ button });
    for (let step = 1; step <= 8; step += 1)
      await this.page.mouse.move(x0 + ((x1 - x0) * step) / 8, y0 + ((y1 - y0) * step) / 8);
    await this.page.mouse.up({ button });
  }

  /**
   * Where an image pixel is on screen (the image fitted and centred, Cornerstone's default camera),
   * for drawing measurements at known places.
   */
  async screenPointOf(column: number, row: number, columns: number, rows: number): Promise<[number, number]> {
    const box = await this.viewport.locator('[data-testid="viewport-element"]').boundingBox();
    if (!box) throw new Error('The viewport is not visible.');
    const scale = Math.min(box.width / columns, box.height / rows);
    const left = box.x + (box.width - columns * scale) / 2;
    const top = box.y + (box.height - rows * scale) / 2;
    return [left + (column + 0.5) * scale, top + (row + 0.5) * scale];
  }

  /** A left drag between two screen points, in small steps as a hand would. */
  async dragPixels(from: [number, number], to: [number, number]): Promise<void> {
    await this.page.mouse.move(from[0], from[1]);
    await this.page.mouse.down();
    for (let step = 1; step <= 10; step += 1)
      await this.page.mouse.move(
        from[0] + ((to[0] - from[0]) * step) / 10,
        from[1] + ((to[1] - from[1]) * step) / 10,
      );
    await this.page.mouse.up();
  }

  /**
   * The series panel is virtualised: a thumbnail far down the list does not exist until the panel is
   * scrolled near it. Scrolls from the top a screen at a time until it does.
   */
  async revealThumbnail(seriesUid: string): Promise<void> {
    const thumbnail = this.thumbnail(seriesUid);
    if ((await thumbnail.count()) > 0) return;
    const panel = this.page.getByTestId('series-panel');
    await panel.evaluate((element) => {
      element.scrollTop = 0;
    });
    for (let moved = true; moved && (await thumbnail.count()) === 0;) {
      moved = await panel.evaluate(
        (element) =>
          new Promise<boolean>((resolve) => {
            const before = element.scrollTop;
            element.scrollTop += element.clientHeight;
            // Two frames: the virtualiser hears the scroll, then React renders the new thumbnails.
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(element.scrollTop !== before)));
          }),
      );
    }
  }

  thumbnail(seriesUid: string): Locator {
    return this.page.locator(`[data-testid="series-thumbnail"][data-series-uid="${seriesUid}"]`);
  }

  async waitForImage(seriesUid: string, index?: number): Promise<void> {
    await expect(this.viewport).toHaveAttribute('data-series-uid', seriesUid);
    await expect(this.viewport).toHaveAttribute('data-image-count', /^[1-9]\d*$/);
    if (index !== undefined) await expect(this.viewport).toHaveAttribute('data-image-index', String(index));
    // Set once a decoded frame is on screen (colour images have no window to wait for)…
    await expect(this.viewport).toHaveAttribute('data-transfer-syntax', /\d/);
    // … and it is the image at the current position, not the one before it.
    await expect(this.viewport).toHaveAttribute('data-image-pending', 'false');
  }

  async imageIndex(): Promise<number> {
    return Number(await this.viewport.getAttribute('data-image-index'));
  }

  async window(): Promise<{ center: number; width: number }> {
    return {
      center: Number(await this.viewport.getAttribute('data-window-center')),
      width: Number(await this.viewport.getAttribute('data-window-width')),
    };
  }

  async scroll(steps: number): Promise<void> {
    const box = await this.viewport.boundingBox();
    if (!box) throw new Error('The viewport is not visible.');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < Math.abs(steps); i += 1) {
      await this.page.mouse.wheel(0, steps > 0 ? 100 : -100);
    }
  }

  /**
   * Mean grey level over a grid×grid partition of the displayed image (letterbox excluded), read
   * back from the viewport canvas, for comparison with the DICOM's own pixels.
   */
  async displayedGrid(grid: number, imageAspect = 1, slot = 0): Promise<number[]> {
    return this.gridOf(
      this.viewportAt(slot).locator('[data-testid="viewport-element"] canvas').first(),
      grid,
      imageAspect,
    );
  }

  /** The same grid, read from the first paint drawn before the renderer starts (see first-paint.ts). */
  async firstPaintGrid(grid: number, imageAspect = 1, slot = 0): Promise<number[]> {
    return this.gridOf(this.viewportAt(slot).getByTestId('first-paint'), grid, imageAspect);
  }

  private async gridOf(canvas: Locator, grid: number, imageAspect: number): Promise<number[]> {
    return canvas.evaluate(
      (element, { grid, imageAspect }) => {
        const source = element as HTMLCanvasElement;
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        const context = copy.getContext('2d');
        if (!context) throw new Error('no 2d context');
        context.drawImage(source, 0, 0);
        const { width, height } = copy;
        // The image is fitted into the canvas and centred (Cornerstone's default camera).
        const scale = Math.min(width / imageAspect, height);
        const shownWidth = scale * imageAspect;
        const shownHeight = scale;
        const left = (width - shownWidth) / 2;
        const top = (height - shownHeight) / 2;
        const pixels = context.getImageData(0, 0, width, height).data;
        const sums = new Array<number>(grid * grid).fill(0);
        const counts = new Array<number>(grid * grid).fill(0);
        for (let y = Math.ceil(top); y < top + shownHeight; y += 1) {
          const gy = Math.min(grid - 1, Math.floor(((y - top) * grid) / shownHeight));
          for (let x = Math.ceil(left); x < left + shownWidth; x += 1) {
            const gx = Math.min(grid - 1, Math.floor(((x - left) * grid) / shownWidth));
            const offset = (y * width + x) * 4;
            const cell = gy * grid + gx;
            sums[cell] = (sums[cell] ?? 0) + (pixels[offset] ?? 0);
            counts[cell] = (counts[cell] ?? 0) + 1;
          }
        }
        return sums.map((sum, i) => sum / (counts[i] || 1));
      },
      { grid, imageAspect },
    );
  }
}
