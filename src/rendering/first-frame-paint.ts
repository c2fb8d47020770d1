import type { FirstPaint } from '@/domain/imaging/first-paint';

/**
 * Draws a first paint into a canvas the size of its box, the image fitted whole and centred with its
 * pixels' aspect, smoothed, on black: how the viewer's renderer shows a stack's first image before
 * anyone zooms or pans (checked against Cornerstone's own drawing in e2e/first-paint.spec.ts).
 * Plain 2D canvas, no Cornerstone: this is what shows while Cornerstone loads.
 */
export function drawFirstPaint(canvas: HTMLCanvasElement, paint: FirstPaint): void {
  const { width, height } = boxInDevicePixels(canvas);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = document.createElement('canvas');
  image.width = paint.columns;
  image.height = paint.rows;
  image.getContext('2d')?.putImageData(new ImageData(paint.rgba, paint.columns, paint.rows), 0, 0);
  const imageWidth = paint.columns;
  const imageHeight = paint.rows * paint.pixelAspect;
  const scale = Math.min(width / imageWidth, height / imageHeight);
  const drawnWidth = imageWidth * scale;
  const drawnHeight = imageHeight * scale;
  context.fillStyle = '#000';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, (width - drawnWidth) / 2, (height - drawnHeight) / 2, drawnWidth, drawnHeight);
}

/**
 * Whether the canvas's box no longer matches the bitmap it was drawn at: a ResizeObserver reports the
 * size it starts observing at too, and redrawing (a full-viewport, high-quality resample) at the same
 * size would only cost the main thread while the renderer starts.
 */
export function firstPaintOutOfSize(
  canvas: Pick<HTMLCanvasElement, 'clientWidth' | 'clientHeight' | 'width' | 'height'>,
): boolean {
  const { width, height } = boxInDevicePixels(canvas);
  return canvas.width !== width || canvas.height !== height;
}

function boxInDevicePixels(canvas: Pick<HTMLCanvasElement, 'clientWidth' | 'clientHeight'>) {
  const ratio = window.devicePixelRatio || 1;
  return {
    width: Math.max(1, Math.round(canvas.clientWidth * ratio)),
    height: Math.max(1, Math.round(canvas.clientHeight * ratio)),
  };
}
