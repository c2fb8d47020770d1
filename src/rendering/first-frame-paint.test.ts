import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstPaintOutOfSize } from './first-frame-paint';

afterEach(() => vi.unstubAllGlobals());

describe('firstPaintOutOfSize', () => {
  it('is false while the bitmap is the box in device pixels, true once the box is resized', () => {
    vi.stubGlobal('window', { devicePixelRatio: 2 });
    const canvas = { clientWidth: 640, clientHeight: 400, width: 1280, height: 800 };
    expect(firstPaintOutOfSize(canvas)).toBe(false);
    expect(firstPaintOutOfSize({ ...canvas, clientWidth: 641 })).toBe(true);
    expect(firstPaintOutOfSize({ ...canvas, clientHeight: 300 })).toBe(true);
  });

  it('rounds the box as the drawing sizes the bitmap (a fractional ratio, an empty box)', () => {
    vi.stubGlobal('window', { devicePixelRatio: 1.25 });
    expect(firstPaintOutOfSize({ clientWidth: 333, clientHeight: 201, width: 416, height: 251 })).toBe(false);
    expect(firstPaintOutOfSize({ clientWidth: 0, clientHeight: 0, width: 1, height: 1 })).toBe(false);
  });
});
