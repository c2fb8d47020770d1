import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDENTITY_RESCALE, modalityValuesOf, storedValueOf } from './modality-values';

const unsigned = (bitsStored: number) => ({ bitsStored, signed: false });
const signed = (bitsStored: number) => ({ bitsStored, signed: true });

describe('storedValueOf', () => {
  it('keeps only the stored bits and extends the sign, whatever the decoder did', () => {
    expect(storedValueOf(0xf123, unsigned(12))).toBe(0x123);
    expect(storedValueOf(0x0fff, signed(12))).toBe(-1);
    expect(storedValueOf(-1, signed(12))).toBe(-1);
    expect(storedValueOf(200, signed(8))).toBe(-56);
    expect(storedValueOf(-56, signed(8))).toBe(-56);
    expect(storedValueOf(65535, unsigned(16))).toBe(65535);
    expect(storedValueOf(65535, signed(16))).toBe(-1);
  });
});

describe('modalityValuesOf', () => {
  it('unsigned 16-bit above 32767 with a fractional slope: no wrap (CT stored ×16)', () => {
    const hu = [-1024, 0, 40, 700, 1000, 2047.9375];
    const stored = Uint16Array.from(hu, (v) => (v + 1024) * 16);
    const { values, min, max } = modalityValuesOf(stored, unsigned(16), {
      slope: 0.0625,
      intercept: -1024,
      factor: 1,
    });
    expect(Array.from(values)).toEqual(hu);
    expect(values).toBeInstanceOf(Float32Array);
    expect([min, max]).toEqual([-1024, 2047.9375]);
  });

  it('integer results keep an exact integer array even when the raw values do not fit it', () => {
    // 12-bit multiples of 16 (up to 4080) with slope 1/16: 0..255, but the raw values are not bytes.
    const stored = Uint16Array.from([0, 16, 2048, 4080]);
    const { values } = modalityValuesOf(stored, unsigned(12), { slope: 1 / 16, intercept: 0, factor: 1 });
    expect(Array.from(values)).toEqual([0, 1, 128, 255]);
    expect(values).toBeInstanceOf(Uint8Array);

    const big = Uint16Array.from([16384, 65520]);
    const ct = modalityValuesOf(big, unsigned(16), { slope: 0.0625, intercept: -1024, factor: 1 });
    expect(Array.from(ct.values)).toEqual([0, 3071]);
    expect(ct.values).toBeInstanceOf(Int16Array);
  });

  it('a negative slope gives min and max the right way round', () => {
    const { values, min, max } = modalityValuesOf(Uint16Array.from([0, 1000]), unsigned(16), {
      slope: -1,
      intercept: 0,
      factor: 1,
    });
    expect(Array.from(values)).toEqual([0, -1000]);
    expect([min, max]).toEqual([-1000, 0]);
  });

  it('signed 8-bit and signed 12-bit in 16 come out signed', () => {
    expect(
      Array.from(modalityValuesOf(Uint8Array.from([0, 127, 128, 255]), signed(8), IDENTITY_RESCALE).values),
    ).toEqual([0, 127, -128, -1]);
    const twelve = modalityValuesOf(Uint16Array.from([0x0800, 0x07ff, 0xffff]), signed(12), IDENTITY_RESCALE);
    expect(Array.from(twelve.values)).toEqual([-2048, 2047, -1]);
  });

  it('values beyond 16 bits, or a further factor, go to Float32', () => {
    const { values } = modalityValuesOf(Uint16Array.from([0, 65535]), unsigned(16), {
      slope: 2,
      intercept: 0,
      factor: 1,
    });
    expect(values).toBeInstanceOf(Float32Array);
    expect(Array.from(values)).toEqual([0, 131070]);
    const suv = modalityValuesOf(Uint16Array.from([10]), unsigned(16), {
      slope: 1,
      intercept: 0,
      factor: 0.5,
    });
    expect(Array.from(suv.values)).toEqual([5]);
  });
});

describe('modalityValuesOf on typed integer samples with an integer rescale (the fast path)', () => {
  const arrays = [Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array] as const;
  it('gives exactly what the general computation gives (a plain array takes that one)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...arrays),
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 64 }),
        fc.integer({ min: 1, max: 32 }),
        fc.boolean(),
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: -70_000, max: 70_000 }),
        (ArrayType, raw, bitsStored, isSigned, slope, intercept) => {
          const samples = ArrayType.from(raw);
          const encoding = { bitsStored, signed: isSigned };
          const rescale = { slope, intercept, factor: 1 };
          const fast = modalityValuesOf(samples, encoding, rescale);
          const general = modalityValuesOf(Array.from(samples), encoding, rescale);
          expect(fast.values.constructor).toBe(general.values.constructor);
          expect(Array.from(fast.values)).toEqual(Array.from(general.values));
          expect([fast.min, fast.max]).toEqual([general.min, general.max]);
        },
      ),
    );
  });
});
