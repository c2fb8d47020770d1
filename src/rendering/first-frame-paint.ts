import type { FirstPaint } from '@/domain/imaging/first-paint';

/**
 * Draws a first paint into a canvas the size of its box, the image fitted whole and centred with its
 * pixels' aspect, smoothed, on black: how the viewer's renderer shows a stack's first image before
 * anyone zooms or pans (checked against Cornerstone's own drawing in e2e/first-paint.spec.ts).
 * Plain 2D canvas, no Cornerstone: this is what shows while Cornerstone loads.
 */
export function drawFirstPaint(canvas: HTMLCanvasElement, paint: FirstPaint): void {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
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
