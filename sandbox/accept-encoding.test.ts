import { describe, expect, it } from 'vitest';
import { chooseEncoding, PRECOMPRESSED } from './accept-encoding.ts';

const pick = (header: string | undefined): string | null =>
  chooseEncoding(header, PRECOMPRESSED)?.encoding ?? null;

describe('chooseEncoding', () => {
  it("prefers brotli when the client weighs it like gzip (Chrome's header)", () => {
    expect(pick('gzip, deflate, br, zstd')).toBe('br');
  });

  it('takes gzip from a client without brotli, and nothing from one that names neither', () => {
    expect(pick('gzip, deflate')).toBe('gzip');
    expect(pick('deflate')).toBeNull();
    expect(pick(undefined)).toBeNull();
    expect(pick('')).toBeNull();
  });

  it('honours q-values, q=0 refusals and the wildcard', () => {
    expect(pick('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(pick('br;q=0, gzip')).toBe('gzip');
    expect(pick('br;q=0, gzip;q=0')).toBeNull();
    expect(pick('*')).toBe('br');
    expect(pick('*;q=0.1, br;q=0')).toBe('gzip');
    expect(pick('GZIP ; Q=1')).toBe('gzip');
  });

  it('only offers what exists beside the file', () => {
    expect(chooseEncoding('br, gzip', [PRECOMPRESSED[1]])?.encoding).toBe('gzip');
    expect(chooseEncoding('br', [])).toBeNull();
  });
});
