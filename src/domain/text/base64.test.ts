import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeUtf8, encodeBase64 } from './base64';

describe('decodeBase64', () => {
  it('decodes, tolerating line breaks, and refuses what is not base64', () => {
    const bytes = decodeBase64('SGVs\nbG8g4pyT');
    expect(bytes && decodeUtf8(bytes)).toBe('Hello ✓');
    expect(decodeBase64('not base64!')).toBeNull();
  });
});

describe('encodeBase64', () => {
  it('round-trips every byte value, and a document longer than one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    expect(encodeBase64(new TextEncoder().encode('Hello ✓'))).toBe('SGVsbG8g4pyT');
  });
});
