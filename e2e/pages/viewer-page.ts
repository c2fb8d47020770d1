import { expect, type Locator, type Page } from '@playwright/test';

/** The viewer: series thumbnails on the left, one stack viewport. */
export class ViewerPage {
  readonly viewport: Locator;
  readonly thumbnails: Locator;

  constructor(private readonly page: Page) {
    this.viewport = page.getByTestId('viewport');
    this.thumbnails = page.getByTestId('series-thumbnail');
  }

  thumbnail(seriesUid: string): Locator {
    return this.page.locator(`[data-testid="series-thumbnail"][data-series-uid="${seriesUid}"]`);
  }

  async waitForImage(seriesUid: string, index?: number): Promise<void> {
    await expect(this.viewport).toHaveAttribute('data-series-uid', seriesUid);
    await expect(this.viewport).toHaveAttribute('data-image-count', /^[1-9]\d*$/);
    if (index !== undefined) await expect(this.viewport).toHaveAttribute('data-image-index', String(index));
    await expect(this.viewport).toHaveAttribute('data-window-width', /\d/);
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
  async displayedGrid(grid: number, imageAspect = 1): Promise<number[]> {
    const canvas = this.page.locator('[data-testid="viewport-element"] canvas').first();
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
