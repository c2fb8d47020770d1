import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeUtf8 } from './base64';

describe('decodeBase64', () => {
  it('decodes, tolerating line breaks, and refuses what is not base64', () => {
    const bytes = decodeBase64('SGVs\nbG8g4pyT');
    expect(bytes && decodeUtf8(bytes)).toBe('Hello ✓');
    expect(decodeBase64('not base64!')).toBeNull();
  });
});
