import { describe, expect, it } from 'vitest';
import { ybrFull422AsRgb } from './ybr-full-422';

const geometry = {
  rows: 1,
  columns: 2,
  samplesPerPixel: 3,
  bitsAllocated: 8,
  photometricInterpretation: 'YBR_FULL_422',
};

describe('ybrFull422AsRgb', () => {
  it('gives each pixel of a pair its own luma and the pair’s chroma', () => {
    // Grey (no chroma) stays grey; pure red's YBR values come back red.
    expect([...(ybrFull422AsRgb(new Uint8Array([10, 200, 128, 128]), geometry) ?? [])]).toEqual([
      10, 10, 10, 200, 200, 200,
    ]);
    const red = ybrFull422AsRgb(new Uint8Array([76, 76, 85, 255]), geometry);
    expect([...(red ?? [])]).toEqual([254, 0, 0, 254, 0, 0]);
  });
  it('leaves other frames alone', () => {
    expect(ybrFull422AsRgb(new Uint8Array(4), { ...geometry, photometricInterpretation: 'RGB' })).toBeNull();
    expect(ybrFull422AsRgb(new Uint8Array(6), geometry)).toBeNull();
    expect(ybrFull422AsRgb(new Uint8Array(6), { ...geometry, columns: 3 })).toBeNull();
  });
});
